package dev.canarybot.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.service.port.RouteDriftException;
import dev.canarybot.service.port.RouteWeights;
import dev.canarybot.service.port.TargetException;
import java.util.List;

/**
 * What a weight move does to one HTTP route, decided before anything is written: the weight of
 * each destination before and after, and whether the canary destination is added or the stable
 * one dropped. {@link #applyTo} turns it into a new VirtualService tree.
 *
 * @param weights one entry per destination the route keeps; a destination to be added has
 *     index {@link #NONE}
 * @param droppedIndex the index of the stable destination to remove, or {@link #NONE}
 */
public record WeightChange(
    int routeIndex,
    String routeName,
    List<DestinationWeight> weights,
    boolean canaryAdded,
    int droppedIndex,
    RouteWeights before,
    RouteWeights after) {

  /** @param from {@code null} when the destination had no weight field (or is being added) */
  public record DestinationWeight(int index, String subset, Integer from, int to) {}

  /** No index: the destination is yet to be added, or nothing is dropped. */
  public static final int NONE = -1;

  public WeightChange {
    weights = List.copyOf(weights);
  }

  /** True when writing it would change nothing. */
  public boolean isEmpty() {
    return !canaryAdded && droppedIndex == NONE
        && weights.stream().allMatch(w -> w.from() != null && w.from() == w.to());
  }

  /**
   * Decides the move of {@code target}'s route from canary weight {@code expectedCanary} to
   * {@code desiredCanary}; a route already at {@code desiredCanary} yields an empty change.
   *
   * @throws RouteDriftException when the route is at neither weight
   */
  public static WeightChange of(
      JsonNode virtualService, ReleaseTarget target, int expectedCanary, int desiredCanary, MeshHosts hosts) {
    checkWeight(expectedCanary, "expected");
    checkWeight(desiredCanary, "desired");
    TargetRoute found = new RouteLocator(hosts).locate(virtualService, target);
    HttpRoute route = found.route();
    if (found.stable() == null) {
      throw new TargetException(target.describe() + ": " + route.describe()
          + " has no destination for the stable subset " + target.stableSubset()
          + " (found " + route.describeDestinations() + ")");
    }
    RouteWeights now = found.weights();
    if (now.stable() + now.canary() != 100) {
      throw new RouteDriftException(target.describe() + ": weights sum to "
          + (now.stable() + now.canary()) + ", not 100 (found " + route.describeDestinations() + ")", now);
    }
    if (now.canary() == desiredCanary) {
      return unchanged(route, now);
    }
    if (now.canary() != expectedCanary) {
      throw new RouteDriftException(target.describe() + " is at " + now.describe()
          + " (stable/canary), neither the expected " + (100 - expectedCanary) + "/" + expectedCanary
          + " nor the desired " + (100 - desiredCanary) + "/" + desiredCanary
          + "; someone else changed it", now);
    }
    RouteDestination stable = found.stable();
    RouteDestination canary = found.canary();
    DestinationWeight stableWeight =
        new DestinationWeight(stable.index(), stable.subset(), stable.weight(), 100 - desiredCanary);
    DestinationWeight canaryWeight = canary == null
        ? new DestinationWeight(NONE, target.canarySubset(), null, desiredCanary)
        : new DestinationWeight(canary.index(), canary.subset(), canary.weight(), desiredCanary);
    return new WeightChange(route.index(), route.name(), List.of(stableWeight, canaryWeight),
        canary == null, NONE, now, new RouteWeights(100 - desiredCanary, desiredCanary, true));
  }

  private static WeightChange unchanged(HttpRoute route, RouteWeights now) {
    return new WeightChange(route.index(), route.name(), List.of(), false, NONE, now, now);
  }

  /**
   * Decides dropping the stable destination once it carries nothing; a route without it yields
   * an empty change.
   *
   * @throws RouteDriftException when the stable destination still has weight
   */
  public static WeightChange dropStable(JsonNode virtualService, ReleaseTarget target, MeshHosts hosts) {
    TargetRoute found = new RouteLocator(hosts).locate(virtualService, target);
    HttpRoute route = found.route();
    RouteWeights now = found.weights();
    if (found.stable() == null) {
      return unchanged(route, now);
    }
    if (now.stable() != 0 || found.canary() == null) {
      throw new RouteDriftException(target.describe() + ": the stable subset " + target.stableSubset()
          + " still has weight " + now.stable() + " (found " + route.describeDestinations()
          + "); it is dropped only at 0", now);
    }
    RouteDestination canary = found.canary();
    return new WeightChange(route.index(), route.name(),
        List.of(new DestinationWeight(canary.index(), canary.subset(), canary.weight(), 100)),
        false, found.stable().index(), now, new RouteWeights(0, 100, true));
  }

  /**
   * A deep copy of {@code virtualService} with this change made: only the weights of the
   * route's destinations change, and at most one destination is added or removed.
   */
  public ObjectNode applyTo(ObjectNode virtualService, ReleaseTarget target) {
    ObjectNode copy = virtualService.deepCopy();
    if (isEmpty()) {
      return copy;
    }
    ArrayNode destinations = (ArrayNode) copy.path("spec").path("http").path(routeIndex).path("route");
    for (DestinationWeight w : weights) {
      if (w.index() == NONE) {
        continue;
      }
      ObjectNode entry = (ObjectNode) destinations.get(w.index());
      String subset = entry.path("destination").path("subset").asText();
      if (!subset.equals(w.subset())) {
        throw new IllegalStateException("route " + routeIndex + " destination " + w.index()
            + " is subset " + subset + ", not " + w.subset() + ": change applied to another tree");
      }
      entry.put("weight", w.to());
    }
    if (canaryAdded) {
      destinations.add(canaryEntry(destinations, target));
    }
    if (droppedIndex != NONE) {
      destinations.remove(droppedIndex);
    }
    return copy;
  }

  /** The canary goes where the stable goes (same host spelling and port), to the canary subset. */
  private ObjectNode canaryEntry(ArrayNode destinations, ReleaseTarget target) {
    ObjectNode stableEntry = (ObjectNode) destinations.get(stableIndex());
    ObjectNode entry = destinations.objectNode();
    ObjectNode destination = stableEntry.path("destination").deepCopy();
    destination.put("subset", target.canarySubset());
    entry.set("destination", destination);
    entry.put("weight", after.canary());
    return entry;
  }

  private int stableIndex() {
    return weights.get(0).index();
  }

  private static void checkWeight(int weight, String what) {
    if (weight < 0 || weight > 100) {
      throw new IllegalArgumentException(what + " canary weight " + weight + " is not within 0..100");
    }
  }
}
