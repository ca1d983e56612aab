package dev.canarybot.store;

import dev.canarybot.cluster.KubernetesErrors;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CardRef;
import dev.canarybot.release.HistoryEntry;
import dev.canarybot.release.ReleaseStatus;
import dev.canarybot.service.port.ConflictException;
import dev.canarybot.service.port.ReleaseStore;
import dev.canarybot.service.port.StoredRelease;
import dev.canarybot.service.port.UnreadableRelease;
import dev.canarybot.service.port.UnreadableReleaseException;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Releases as CanaryRelease resources. Every write carries the resourceVersion it was based
 * on, so the API server refuses a write that lost a race (HTTP 409) and the loser learns it.
 *
 * <p>Spec and status live behind separate endpoints (status subresource), so a create is a
 * create followed by a status write, and an update that changes the spec (a release started
 * again on the same name) is a spec write followed by a status write: two compare-and-swaps,
 * not one transaction. If the second one loses, the object keeps the new spec with the old
 * status (or no status after a create); {@link #find} then reports it as a
 * {@link UnreadableReleaseException} and the lists skip it with a warning.
 */
@ApplicationScoped
public class KubernetesReleaseStore implements ReleaseStore {
  private static final Logger LOG = Logger.getLogger(KubernetesReleaseStore.class);

  private final KubernetesClient client;
  private final List<String> namespaces;

  @Inject
  public KubernetesReleaseStore(KubernetesClient client,
      @ConfigProperty(name = "canary.namespaces") Optional<List<String>> namespaces) {
    this(client, namespaces.orElse(List.of()));
  }

  /** @param namespaces where {@link #listAll()} looks; empty means every namespace */
  public KubernetesReleaseStore(KubernetesClient client, Collection<String> namespaces) {
    this.client = client;
    this.namespaces = List.copyOf(namespaces);
  }

  @Override
  public Optional<StoredRelease> find(String namespace, String name) {
    CanaryReleaseResource found = call(id(name, namespace), "read",
        () -> resources().inNamespace(namespace).withName(name).get());
    if (found == null || found.getStatus() == null) {
      // No status: a create whose second write has not landed, or never will because the bot
      // stopped in between. It holds no decision yet; a start adopts it (see create).
      return Optional.empty();
    }
    return Optional.of(stored(found));
  }

  @Override
  public List<StoredRelease> list(String namespace) {
    return readable(call("CanaryReleases in " + namespace, "list",
        () -> resources().inNamespace(namespace).list().getItems()));
  }

  @Override
  public List<StoredRelease> listAll() {
    return scan().readable();
  }

  @Override
  public Scan scan() {
    List<CanaryReleaseResource> items = new ArrayList<>();
    if (namespaces.isEmpty()) {
      items.addAll(call("CanaryReleases in all namespaces", "list",
          () -> resources().inAnyNamespace().list().getItems()));
    } else {
      for (String namespace : namespaces) {
        items.addAll(call("CanaryReleases in " + namespace, "list",
            () -> resources().inNamespace(namespace).list().getItems()));
      }
    }
    List<StoredRelease> readable = new ArrayList<>();
    List<UnreadableRelease> unreadable = new ArrayList<>();
    for (CanaryReleaseResource item : items) {
      if (item.getStatus() == null) {
        continue; // a create in progress, or one a start adopts later
      }
      try {
        readable.add(stored(item));
      } catch (UnreadableReleaseException e) {
        unreadable.add(unreadable(item, e.getMessage()));
      }
    }
    return new Scan(readable, unreadable);
  }

  private static UnreadableRelease unreadable(CanaryReleaseResource item, String reason) {
    CanaryReleaseStatusDto s = item.getStatus();
    CardRef card = s.card == null || s.card.channel == null || s.card.ts == null
        ? null : new CardRef(s.card.channel, s.card.ts);
    return new UnreadableRelease(item.getMetadata().getNamespace(), item.getMetadata().getName(),
        item.getMetadata().getResourceVersion(), reason,
        "Failed".equals(s.phase) && reason.equals(s.unreadable), card);
  }

  @Override
  public void markUnreadable(UnreadableRelease release) {
    String patch = StatusPatch.unreadable(release.reason(), release.version());
    write(release.name(), release.namespace(), release.version(), () -> resources()
        .inNamespace(release.namespace()).withName(release.name())
        .subresource("status").patch(PatchContext.of(PatchType.JSON), patch));
  }

  @Override
  public StoredRelease create(CanaryRelease release) {
    String id = id(release.name(), release.namespace());
    CanaryReleaseResource resource = CanaryReleaseMapper.toResource(release);
    CanaryReleaseResource created;
    try {
      created = resources().inNamespace(release.namespace()).resource(resource).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        CanaryReleaseResource existing = resources().inNamespace(release.namespace())
            .withName(release.name()).get();
        if (existing != null && existing.getStatus() == null) {
          // A create the bot never finished (it stopped between the two writes): this start
          // completes it, with a compare-and-swap so two adopters cannot both win.
          return stored(writeStatus(resource, existing.getMetadata().getResourceVersion()));
        }
        throw new ConflictException(id + " exists already", e);
      }
      throw new ReleaseStoreException(id + " create failed: " + KubernetesErrors.summary(e), e);
    }
    // The API server ignores the status of a create when the status is a subresource.
    return stored(writeStatus(resource, created.getMetadata().getResourceVersion()));
  }

  @Override
  public StoredRelease update(StoredRelease previous, CanaryRelease next) {
    CanaryRelease before = previous.release();
    String id = id(before.name(), before.namespace());
    if (!before.name().equals(next.name()) || !before.namespace().equals(next.namespace())) {
      throw new IllegalArgumentException("cannot update " + id + " with "
          + id(next.name(), next.namespace()) + ": a release keeps its name and namespace");
    }
    requireAppendOnly(id, before.status(), next.status());
    CanaryReleaseResource resource = CanaryReleaseMapper.toResource(next);
    String version = previous.version();
    if (specChanged(before, next)) {
      version = writeSpec(resource, version).getMetadata().getResourceVersion();
    }
    return stored(writeStatus(resource, version));
  }

  private CanaryReleaseResource writeStatus(CanaryReleaseResource resource, String version) {
    String name = resource.getMetadata().getName();
    String namespace = resource.getMetadata().getNamespace();
    String patch = StatusPatch.of(resource.getStatus(), version);
    return write(name, namespace, version, () -> resources().inNamespace(namespace).withName(name)
        .subresource("status").patch(PatchContext.of(PatchType.JSON), patch));
  }

  private CanaryReleaseResource writeSpec(CanaryReleaseResource resource, String version) {
    String name = resource.getMetadata().getName();
    String namespace = resource.getMetadata().getNamespace();
    resource.getMetadata().setResourceVersion(version);
    return write(name, namespace, version, () -> resources().inNamespace(namespace).resource(resource).update());
  }

  /** One compare-and-swap: the write succeeds only while the object is still at {@code version}. */
  private CanaryReleaseResource write(
      String name, String namespace, String version, Supplier<CanaryReleaseResource> put) {
    try {
      return put.get();
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT || e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        throw lostRace(name, namespace, version, e);
      }
      throw new ReleaseStoreException(id(name, namespace) + " update failed: " + KubernetesErrors.summary(e), e);
    }
  }

  /** Reads the object again so the loser is told what it lost to. */
  private ConflictException lostRace(String name, String namespace, String version, Exception cause) {
    String id = id(name, namespace);
    CanaryReleaseResource now;
    try {
      now = resources().inNamespace(namespace).withName(name).get();
    } catch (KubernetesClientException e) {
      return new ConflictException(id + " changed since it was read (resourceVersion " + version + ")", cause);
    }
    if (now == null) {
      return new ConflictException(id + " was deleted since it was read (resourceVersion " + version + ")", cause);
    }
    return new ConflictException(id + " changed since it was read (resourceVersion " + version
        + ", now " + now.getMetadata().getResourceVersion() + ")", cause);
  }

  /**
   * The history only grows: the update keeps every stored entry that is not dropped for age,
   * in order, and counts the dropped ones.
   */
  private static void requireAppendOnly(String id, ReleaseStatus before, ReleaseStatus after) {
    int dropped = after.olderEntries() - before.olderEntries();
    List<HistoryEntry> kept = dropped < 0 || dropped > before.history().size()
        ? null : before.history().subList(dropped, before.history().size());
    List<HistoryEntry> next = after.history();
    if (kept == null || next.size() < kept.size() || !next.subList(0, kept.size()).equals(kept)) {
      throw new IllegalArgumentException("history of " + id + " is append-only: the update has "
          + next.size() + " entries (" + after.olderEntries() + " older) that do not continue the "
          + before.history().size() + " stored ones (" + before.olderEntries() + " older)");
    }
  }

  /** A release started again on the same name has a new target or plan; status alone is not a spec change. */
  private static boolean specChanged(CanaryRelease before, CanaryRelease after) {
    return !before.target().equals(after.target()) || !before.plan().equals(after.plan())
        || before.autoRollback() != after.autoRollback()
        || !before.thresholds().equals(after.thresholds())
        || !java.util.Objects.equals(before.testers(), after.testers());
  }

  /** One unreadable object (edited by hand, or created without its status) must not hide the others. */
  private static List<StoredRelease> readable(List<CanaryReleaseResource> items) {
    List<StoredRelease> releases = new ArrayList<>();
    for (CanaryReleaseResource item : items) {
      if (item.getStatus() == null) {
        continue;
      }
      try {
        releases.add(stored(item));
      } catch (UnreadableReleaseException e) {
        // The resync reports it once and marks it; every list must not repeat that in the log.
        LOG.debugf("skipping %s", e.getMessage());
      }
    }
    return releases;
  }

  private static StoredRelease stored(CanaryReleaseResource resource) {
    return new StoredRelease(CanaryReleaseMapper.toDomain(resource), resource.getMetadata().getResourceVersion());
  }

  private MixedOperation<CanaryReleaseResource, KubernetesResourceList<CanaryReleaseResource>,
      Resource<CanaryReleaseResource>> resources() {
    return client.resources(CanaryReleaseResource.class);
  }

  private static <T> T call(String what, String verb, Supplier<T> read) {
    try {
      return read.get();
    } catch (KubernetesClientException e) {
      throw new ReleaseStoreException(what + ": " + verb + " failed: " + KubernetesErrors.summary(e), e);
    }
  }

  static String id(String name, String namespace) {
    return CanaryReleaseResource.KIND + " " + name + "." + namespace;
  }
}
