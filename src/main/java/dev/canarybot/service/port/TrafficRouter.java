package dev.canarybot.service.port;

import dev.canarybot.release.AddedRoute;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.release.TestersMatch;

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
   * Brings release {@code release}'s testers' route to {@code desired} ({@code null}: no route),
   * from the route the bot last left there ({@code applied}, {@code null}: none). Only that
   * route changes; a route already as desired is left alone, and written with the same
   * compare-and-swap as the weights. With {@code takeBack} (a resume, a rollback) the route the
   * bot listed counts as its own whatever was done to it.
   *
   * @return the route now on the VirtualService, or {@code null} when there is none
   * @throws AddedRouteDriftException when the route there is neither {@code applied} nor the desired one
   * @throws TargetException when the VirtualService or the weighted route is gone
   */
  AddedRoute setTesters(ReleaseTarget target, String release, TestersMatch desired, AddedRoute applied,
      boolean takeBack);

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
