package dev.canarybot.demo.workloads;

import java.util.OptionalInt;

/**
 * The part of a HorizontalPodAutoscaler the demo has: it keeps its target's replicas within
 * {@code [minReplicas, maxReplicas]}. There are no metrics, so it never scales on load; and, as
 * the real one, it leaves a Deployment scaled to zero alone (scaling to 0 turns autoscaling off).
 */
public final class AutoscalerBounds {
  private AutoscalerBounds() {}

  /**
   * @param minReplicas the HPA's {@code spec.minReplicas}; null means 1, the API's default
   * @return the replicas to scale to, or empty when {@code replicas} is within the bounds
   */
  public static OptionalInt target(int replicas, Integer minReplicas, int maxReplicas) {
    int min = minReplicas == null ? 1 : minReplicas;
    if (replicas == 0) {
      return OptionalInt.empty();
    }
    if (replicas < min) {
      return OptionalInt.of(min);
    }
    if (replicas > maxReplicas && maxReplicas >= min) {
      return OptionalInt.of(maxReplicas);
    }
    return OptionalInt.empty();
  }
}
