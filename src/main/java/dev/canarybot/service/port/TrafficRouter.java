package dev.canarybot.service.port;

import dev.canarybot.release.ReleaseTarget;

/**
 * Reads and writes the weights of a release's route. Only those weights change: every other
 * route, match, retry, timeout, fault, mirror and unknown field stays as it was.
 */
public interface TrafficRouter {

  /** @throws TargetException when the VirtualService, the route or the stable subset is gone */
  RouteWeights read(ReleaseTarget target);

  /**
   * Moves the route from {@code expectedCanary} to {@code canaryWeight} (stable gets the
   * rest), adding the canary destination when it has none. A route already at
   * {@code canaryWeight} is left alone. A write that races another writer is re-read and
   * re-decided, never forced. The weights are read back after writing.
   *
   * @return the weights read back
   * @throws RouteDriftException when the route is at neither weight: someone else changed it
   * @throws TargetException when the route is gone
   * @throws ClusterUnavailableException when the API failed in a way that may pass
   * @throws ConflictException when the VirtualService changed under every write attempt
   */
  RouteWeights setWeights(ReleaseTarget target, int expectedCanary, int canaryWeight);

  /**
   * Drops the stable destination from the route once it has weight 0, for a cleanup that
   * deletes the old Deployment. A route without it is left alone.
   */
  RouteWeights dropStable(ReleaseTarget target);

  /**
   * The command a person runs to put the route at {@code canaryWeight} themselves, when the bot
   * cannot (an alert after a failed automatic rollback). Never throws: without a readable route
   * it names the object and the weights to set.
   */
  default String byHand(ReleaseTarget target, int canaryWeight) {
    return "kubectl -n " + target.namespace() + " edit virtualservice " + target.virtualService()
        + "   # " + (target.route() == null ? "its route to " + target.host() : "route " + target.route())
        + ": " + target.stableSubset() + " weight " + (100 - canaryWeight) + ", " + target.canarySubset()
        + " weight " + canaryWeight;
  }
}
