package dev.canarybot.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarybot.release.AddedRoute;
import java.util.ArrayList;
import java.util.List;

/** A read-only view of one entry of a VirtualService's {@code spec.http} list. */
public final class HttpRoute {
  private final int index;
  private final String name;
  private final List<RouteDestination> destinations;

  private HttpRoute(int index, String name, List<RouteDestination> destinations) {
    this.index = index;
    this.name = name;
    this.destinations = List.copyOf(destinations);
  }

  /** Every HTTP route of the VirtualService, in order; tcp and tls sections are not looked at. */
  public static List<HttpRoute> all(JsonNode virtualService, String namespace, MeshHosts hosts) {
    List<HttpRoute> routes = new ArrayList<>();
    JsonNode http = virtualService.path("spec").path("http");
    for (int i = 0; i < http.size(); i++) {
      JsonNode route = http.get(i);
      String name = route.hasNonNull("name") ? route.get("name").asText() : null;
      List<RouteDestination> destinations = new ArrayList<>();
      JsonNode list = route.path("route");
      for (int j = 0; j < list.size(); j++) {
        JsonNode entry = list.get(j);
        JsonNode destination = entry.path("destination");
        String host = destination.hasNonNull("host") ? destination.get("host").asText() : null;
        String subset = destination.hasNonNull("subset") ? destination.get("subset").asText() : null;
        Integer weight = entry.hasNonNull("weight") ? entry.get("weight").asInt() : null;
        destinations.add(new RouteDestination(j, host, hosts.fqdn(host, namespace), subset, weight));
      }
      routes.add(new HttpRoute(i, name, destinations));
    }
    return routes;
  }

  public int index() {
    return index;
  }

  /** {@code null} when the route is unnamed. */
  public String name() {
    return name;
  }

  public List<RouteDestination> destinations() {
    return destinations;
  }

  /** A route canary-bot put there itself (the testers'): never a release's weighted route. */
  public boolean addedByBot() {
    return name != null && name.startsWith(AddedRoute.PREFIX);
  }

  /** True when every destination goes to {@code fqdn}. */
  public boolean onlyTo(String fqdn) {
    return !destinations.isEmpty()
        && destinations.stream().allMatch(d -> fqdn.equals(d.fqdn()));
  }

  public RouteDestination subset(String subset) {
    return destinations.stream().filter(d -> subset.equals(d.subset())).findFirst().orElse(null);
  }

  public int weightOf(RouteDestination destination) {
    return destination == null ? 0 : destination.effectiveWeight(destinations.size());
  }

  /** "route primary" or "route #2 (unnamed)": how messages name it. */
  public String describe() {
    return name == null ? "route #" + index + " (unnamed)" : "route " + name;
  }

  /** "v1=90, v2=10" — what a person needs to see when the route is not what was expected. */
  public String describeDestinations() {
    List<String> parts = new ArrayList<>();
    for (RouteDestination d : destinations) {
      parts.add((d.subset() == null ? d.host() : d.host() + "/" + d.subset())
          + "=" + weightOf(d));
    }
    return String.join(", ", parts);
  }
}
