package dev.canarybot.service;

import dev.canarybot.release.CanaryRelease;
import dev.canarybot.service.port.ConflictException;
import dev.canarybot.service.port.ReleaseStore;
import dev.canarybot.service.port.StoredRelease;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A ReleaseStore with the same compare-and-swap rule as the API server, in a map. */
final class InMemoryReleaseStore implements ReleaseStore {
  private final Map<String, StoredRelease> byKey = new ConcurrentHashMap<>();
  private final AtomicLong versions = new AtomicLong();

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  @Override
  public Optional<StoredRelease> find(String namespace, String name) {
    return Optional.ofNullable(byKey.get(key(namespace, name)));
  }

  @Override
  public List<StoredRelease> list(String namespace) {
    return byKey.values().stream().filter(s -> s.release().namespace().equals(namespace)).toList();
  }

  @Override
  public List<StoredRelease> listAll() {
    return List.copyOf(byKey.values());
  }

  @Override
  public synchronized StoredRelease create(CanaryRelease release) {
    String key = key(release.namespace(), release.name());
    if (byKey.containsKey(key)) {
      throw new ConflictException(key + " exists");
    }
    StoredRelease stored = new StoredRelease(release, String.valueOf(versions.incrementAndGet()));
    byKey.put(key, stored);
    return stored;
  }

  @Override
  public synchronized StoredRelease update(StoredRelease previous, CanaryRelease next) {
    String key = key(next.namespace(), next.name());
    StoredRelease now = byKey.get(key);
    if (now == null || !now.version().equals(previous.version())) {
      throw new ConflictException(key + " changed since it was read");
    }
    StoredRelease stored = new StoredRelease(next, String.valueOf(versions.incrementAndGet()));
    byKey.put(key, stored);
    return stored;
  }

  CanaryRelease get(String name) {
    return byKey.get(key("default", name)).release();
  }
}
