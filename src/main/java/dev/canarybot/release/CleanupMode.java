package dev.canarybot.release;

/** What happens to the old version at the end of a release. */
public enum CleanupMode {
  /** Scale the old Deployment to zero replicas; its route entry stays at weight 0. */
  SCALE_TO_ZERO,
  /** Delete the old Deployment and drop its destination from the route. */
  DELETE
}
