package dev.canarybot.service.port;

import dev.canarybot.release.CanaryRelease;
import java.util.List;
import java.util.Optional;

/** Where releases live: CanaryRelease resources, written only by compare-and-swap. */
public interface ReleaseStore {

  Optional<StoredRelease> find(String namespace, String name);

  /** Every release in the namespace. */
  List<StoredRelease> list(String namespace);

  /** Every release in every namespace the bot may see. */
  List<StoredRelease> listAll();

  /** The readable releases of every namespace the bot may see, and the unreadable ones. */
  default Scan scan() {
    return new Scan(listAll(), List.of());
  }

  /** What one read of all namespaces found. */
  record Scan(List<StoredRelease> readable, List<UnreadableRelease> unreadable) {
    public Scan {
      readable = List.copyOf(readable);
      unreadable = List.copyOf(unreadable);
    }
  }

  /**
   * Marks an unreadable release Failed with its reason, so that it is reported once and every
   * replica leaves it alone.
   *
   * @throws ConflictException when it changed since it was read
   */
  default void markUnreadable(UnreadableRelease release) {}

  /** @throws ConflictException when a release of that name exists already */
  StoredRelease create(CanaryRelease release);

  /**
   * Replaces {@code previous} with {@code next} only if nobody wrote it since it was read.
   *
   * @throws ConflictException when the stored resourceVersion is no longer {@code previous.version()}
   */
  StoredRelease update(StoredRelease previous, CanaryRelease next);
}
