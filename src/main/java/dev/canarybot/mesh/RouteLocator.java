package dev.canarybot.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.service.port.TargetException;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Finds a release's HTTP route in a VirtualService: by name when the target names it, else the
 * one route that goes only to the target host and carries the stable subset.
 */
public final class RouteLocator {
  private final MeshHosts hosts;

  public RouteLocator(MeshHosts hosts) {
    this.hosts = hosts;
  }

  /** @throws TargetException when the route is missing, ambiguous or goes elsewhere */
  public TargetRoute locate(JsonNode virtualService, ReleaseTarget target) {
    // The bot's own routes (the testers') go to the canary only; they are never the weighted one.
    List<HttpRoute> routes = HttpRoute.all(virtualService, target.namespace(), hosts).stream()
        .filter(r -> !r.addedByBot()).toList();
    HttpRoute route = target.route() != null ? byName(routes, target) : byDestinations(routes, target);
    if (!route.onlyTo(target.host())) {
      throw new TargetException(target.describe() + ": " + route.describe()
          + " no longer goes only to " + target.host() + " (found " + route.describeDestinations() + ")");
    }
    for (RouteDestination d : route.destinations()) {
      if (!target.stableSubset().equals(d.subset()) && !target.canarySubset().equals(d.subset())) {
        throw new TargetException(target.describe() + ": " + route.describe() + " has a destination "
            + "that is neither " + target.stableSubset() + " nor " + target.canarySubset()
            + " (found " + route.describeDestinations() + ")");
      }
    }
    return new TargetRoute(route, route.subset(target.stableSubset()), route.subset(target.canarySubset()));
  }

  private HttpRoute byName(List<HttpRoute> routes, ReleaseTarget target) {
    return routes.stream()
        .filter(r -> target.route().equals(r.name()))
        .findFirst()
        .orElseThrow(() -> new TargetException(target.describe() + " not found; HTTP routes there: "
            + describeAll(routes)));
  }

  private HttpRoute byDestinations(List<HttpRoute> routes, ReleaseTarget target) {
    List<HttpRoute> withStable = matching(routes, target, r -> r.subset(target.stableSubset()) != null);
    if (withStable.size() == 1) {
      return withStable.get(0);
    }
    if (withStable.size() > 1) {
      throw new TargetException(target.describe() + ": several HTTP routes go to " + target.host()
          + " subset " + target.stableSubset() + ": " + describeAll(withStable)
          + "; give the route a name so it can be told apart");
    }
    // After dropStable the route carries only the canary; finding it again keeps that idempotent.
    List<HttpRoute> canaryOnly = matching(routes, target, r -> r.subset(target.canarySubset()) != null);
    if (canaryOnly.size() == 1) {
      return canaryOnly.get(0);
    }
    throw new TargetException(target.describe() + ": no single HTTP route goes only to "
        + target.host() + " subsets " + target.stableSubset() + "/" + target.canarySubset()
        + "; HTTP routes there: " + describeAll(routes));
  }

  private static List<HttpRoute> matching(
      List<HttpRoute> routes, ReleaseTarget target, Predicate<HttpRoute> carries) {
    return routes.stream().filter(r -> r.onlyTo(target.host())).filter(carries).collect(Collectors.toList());
  }

  static String describeAll(List<HttpRoute> routes) {
    if (routes.isEmpty()) {
      return "none";
    }
    return routes.stream()
        .map(r -> r.describe() + " [" + r.describeDestinations() + "]")
        .collect(Collectors.joining("; "));
  }
}
