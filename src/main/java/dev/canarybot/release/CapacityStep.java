package dev.canarybot.release;

/** What the canary's capacity allows before the route moves to a weight: see {@link CapacityPlan}. */
public sealed interface CapacityStep {

  /** The capacity is ready: record {@code state}, then move the weights. */
  record Ready(CapacityState state, int replicas) implements CapacityStep {}

  /**
   * Raise the canary to {@code replicas} (the autoscaler's minimum when {@code viaAutoscaler}),
   * record {@code state}, and wait.
   */
  record Scale(CapacityState state, int replicas, boolean viaAutoscaler) implements CapacityStep {}

  /** Scaled already; record {@code state} and wait: {@code ready} of {@code target}. */
  record Wait(CapacityState state, int ready, int target) implements CapacityStep {}

  /** Waited longer than the timeout: the step is not taken. */
  record TimedOut(int ready, int target) implements CapacityStep {}
}
