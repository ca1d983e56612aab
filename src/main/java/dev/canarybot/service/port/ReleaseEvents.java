package dev.canarybot.service.port;

import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.HistoryEntry;

/** Tells the cluster (as Kubernetes Events on the CanaryRelease) what happened to a release. */
public interface ReleaseEvents {

  /** Best effort: a failure is logged, never thrown, because the transition is already stored. */
  void transitioned(CanaryRelease release, HistoryEntry entry);

  /**
   * A warning that is not a transition, e.g. a write to the route that failed and will be
   * retried. The same warning again is counted on one Event, not recorded anew.
   */
  void warning(String namespace, String name, String reason, String message);

  default void warning(CanaryRelease release, String reason, String message) {
    warning(release.namespace(), release.name(), reason, message);
  }
}
