package dev.canarybot.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarybot.service.port.RouteWeights;
import dev.canarybot.service.port.TargetException;
import dev.canarybot.service.port.TargetQuery;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Picks the HTTP route a new release works on. A candidate either splits traffic between two
 * subsets of one host, or sends everything to one subset (a canary not yet on the route). Split
 * routes win over single ones, so a header-match route to one subset does not make the choice
 * ambiguous.
 */
public final class RouteChooser {
  private final MeshHosts hosts;

  public RouteChooser(MeshHosts hosts) {
    this.hosts = hosts;
  }

  /** @throws TargetException naming the routes found when none or several fit */
  public RouteChoice choose(JsonNode virtualService, TargetQuery query) {
    String vsName = "VirtualService " + query.virtualService() + "." + query.namespace();
    // A route the bot added (a testers' route left by an earlier release) is never a candidate.
    List<HttpRoute> routes = HttpRoute.all(virtualService, query.namespace(), hosts).stream()
        .filter(r -> !r.addedByBot()).toList();
    List<HttpRoute> splits = routes.stream().filter(r -> isSplit(r) && fits(r, query)).collect(Collectors.toList());
    List<HttpRoute> singles = routes.stream().filter(r -> isSingle(r) && fits(r, query)).collect(Collectors.toList());
    List<HttpRoute> candidates = splits.isEmpty() ? singles : splits;

    HttpRoute chosen;
    if (query.route() != null) {
      chosen = routes.stream().filter(r -> query.route().equals(r.name())).findFirst()
          .orElseThrow(() -> new TargetException(vsName + " has no HTTP route named " + query.route()
              + "; HTTP routes there: " + RouteLocator.describeAll(routes)));
      if (!isSplit(chosen) && !isSingle(chosen)) {
        throw new TargetException(vsName + " " + chosen.describe() + " does not send its traffic to "
            + "subsets of one host (found " + chosen.describeDestinations() + ")");
      }
      if (!fits(chosen, query)) {
        throw new TargetException(vsName + " " + chosen.describe() + " does not carry the subsets "
            + "asked for (stable " + query.stableSubset() + ", canary " + query.canarySubset()
            + "; found " + describeSubsets(chosen) + ")");
      }
    } else if (candidates.size() == 1) {
      chosen = candidates.get(0);
    } else if (candidates.isEmpty()) {
      throw new TargetException(vsName + " has no HTTP route that splits traffic between subsets of"
          + " one host" + hintText(query) + "; HTTP routes there: " + RouteLocator.describeAll(routes));
    } else {
      throw new TargetException(vsName + " has several routes a release could work on: "
          + RouteLocator.describeAll(candidates) + "; choose one with --route <name>"
          + " (an unnamed route needs a name in the VirtualService first)");
    }
    boolean oneOfSeveral = !(candidates.size() == 1 && candidates.get(0) == chosen);
    return isSplit(chosen) ? split(vsName, chosen, query, oneOfSeveral) : single(chosen, query, oneOfSeveral);
  }

  private static RouteChoice split(String vsName, HttpRoute route, TargetQuery query, boolean oneOfSeveral) {
    RouteDestination a = route.destinations().get(0);
    RouteDestination b = route.destinations().get(1);
    int weightA = route.weightOf(a);
    int weightB = route.weightOf(b);
    if (weightA + weightB != 100) {
      throw new TargetException(vsName + " " + route.describe() + " has weights that sum to "
          + (weightA + weightB) + ", not 100 (found " + route.describeDestinations() + ")");
    }
    RouteDestination stable;
    if (query.stableSubset() != null) {
      stable = query.stableSubset().equals(a.subset()) ? a : b;
    } else if (query.canarySubset() != null) {
      stable = query.canarySubset().equals(a.subset()) ? b : a;
    } else if (weightA == weightB) {
      throw new TargetException(vsName + " " + route.describe() + " sends " + weightA + "/" + weightB
          + " to " + a.subset() + " and " + b.subset() + ", so the stable one cannot be told by weight;"
          + " say which with --stable <subset> or --canary <subset>");
    } else {
      stable = weightA > weightB ? a : b;
    }
    RouteDestination canary = stable == a ? b : a;
    return new RouteChoice(route, stable.fqdn(), stable.subset(), canary.subset(),
        new RouteWeights(route.weightOf(stable), route.weightOf(canary), true), oneOfSeveral);
  }

  private static RouteChoice single(HttpRoute route, TargetQuery query, boolean oneOfSeveral) {
    RouteDestination only = route.destinations().get(0);
    return new RouteChoice(route, only.fqdn(), only.subset(), query.canarySubset(),
        new RouteWeights(100, 0, false), oneOfSeveral);
  }

  private static boolean isSplit(HttpRoute r) {
    if (r.destinations().size() != 2) {
      return false;
    }
    RouteDestination a = r.destinations().get(0);
    RouteDestination b = r.destinations().get(1);
    return a.fqdn() != null && a.fqdn().equals(b.fqdn())
        && a.subset() != null && b.subset() != null && !a.subset().equals(b.subset());
  }

  private static boolean isSingle(HttpRoute r) {
    return r.destinations().size() == 1
        && r.destinations().get(0).subset() != null
        && r.destinations().get(0).fqdn() != null
        && r.weightOf(r.destinations().get(0)) == 100;
  }

  /** A route fits when it carries the subsets the person named (if any) in a possible role. */
  private static boolean fits(HttpRoute r, TargetQuery query) {
    if (isSingle(r)) {
      String only = r.destinations().get(0).subset();
      return (query.stableSubset() == null || query.stableSubset().equals(only))
          && (query.canarySubset() == null || !query.canarySubset().equals(only));
    }
    return (query.stableSubset() == null || r.subset(query.stableSubset()) != null)
        && (query.canarySubset() == null || r.subset(query.canarySubset()) != null);
  }

  private static String describeSubsets(HttpRoute r) {
    return r.destinations().stream().map(d -> String.valueOf(d.subset())).collect(Collectors.joining(", "));
  }

  private static String hintText(TargetQuery query) {
    if (query.stableSubset() == null && query.canarySubset() == null) {
      return "";
    }
    return " with stable " + query.stableSubset() + " and canary " + query.canarySubset();
  }
}
