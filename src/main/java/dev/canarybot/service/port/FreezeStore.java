package dev.canarybot.service.port;

import dev.canarybot.release.FreezeState;

/**
 * Where the freezes live: one object in the cluster that every replica reads, written with a
 * compare-and-swap so two people freezing at once both count or one is told.
 */
public interface FreezeStore {

  /** What is stored now, with the version a write must carry; an absent object reads as none. */
  Stored read();

  /**
   * Replaces {@code before} with {@code next}.
   *
   * @throws ConflictException when someone wrote since {@code before} was read
   */
  Stored write(Stored before, FreezeState next);

  /** @param version the resourceVersion read, or {@code null} when the object does not exist */
  record Stored(FreezeState state, String version) {}

  /** No freezes ever: for wiring that has no cluster. */
  FreezeStore NONE = new FreezeStore() {
    @Override public Stored read() { return new Stored(FreezeState.NONE, null); }

    @Override public Stored write(Stored before, FreezeState next) {
      // Wiring without a cluster cannot keep a freeze: say so rather than pretend it holds.
      throw new ClusterUnavailableException("this canary-bot has no freeze store, so a freeze "
          + "cannot be kept; run it against a cluster (the ConfigMap canary.freeze.config-map)", null);
    }
  };
}
