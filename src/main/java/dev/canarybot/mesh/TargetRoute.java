package dev.canarybot.mesh;

import dev.canarybot.service.port.RouteWeights;

/**
 * The release's HTTP route as found in a VirtualService, with its stable and canary
 * destinations; either may be {@code null} when the route does not carry it.
 */
public record TargetRoute(HttpRoute route, RouteDestination stable, RouteDestination canary) {

  public RouteWeights weights() {
    return new RouteWeights(route.weightOf(stable), route.weightOf(canary), canary != null);
  }
}
