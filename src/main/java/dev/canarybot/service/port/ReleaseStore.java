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

  /** @throws ConflictException when a release of that name exists already */
  StoredRelease create(CanaryRelease release);

  /**
   * Replaces {@code previous} with {@code next} only if nobody wrote it since it was read.
   *
   * @throws ConflictException when the stored resourceVersion is no longer {@code previous.version()}
   */
  StoredRelease update(StoredRelease previous, CanaryRelease next);
}
