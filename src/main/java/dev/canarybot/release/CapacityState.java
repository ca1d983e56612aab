package dev.canarybot.release;

import java.time.Instant;

/**
 * The canary's capacity as the bot drives it, kept in the status so a restart mid-wait
 * continues where it was.
 *
 * @param replicasAtStart the canary Deployment's replicas (or its autoscaler's minimum) when
 *     the release started: what a rollback gives back
 * @param stableAtStart the stable Deployment's replicas when the release started
 * @param autoscaler the HorizontalPodAutoscaler that targets the canary, or {@code null}
 * @param target the replicas the next (or current) weight needs, 0 before any
 * @param reached the ready replicas last seen at or above {@code target}, 0 before any
 * @param waitingSince when the bot began waiting for {@code target}, or {@code null} when not waiting
 * @param returned a rollback gave the capacity back already
 * @param ready the ready replicas last seen while waiting, for the card's "2/3 ready"
 */
public record CapacityState(int replicasAtStart, int stableAtStart, String autoscaler, int target,
    int reached, Instant waitingSince, boolean returned, int ready) {

  /** A state without a wait's reading. */
  public CapacityState(int replicasAtStart, int stableAtStart, String autoscaler, int target,
      int reached, Instant waitingSince, boolean returned) {
    this(replicasAtStart, stableAtStart, autoscaler, target, reached, waitingSince, returned, 0);
  }

  public CapacityState {
    if (replicasAtStart < 0 || stableAtStart < 0 || target < 0 || reached < 0 || ready < 0) {
      throw new IllegalArgumentException("replica counts are never negative: " + replicasAtStart
          + ", " + stableAtStart + ", " + target + ", " + reached);
    }
  }

  /** What the bot found at start, before it scaled anything. */
  public static CapacityState atStart(int replicasAtStart, int stableAtStart, String autoscaler) {
    return new CapacityState(replicasAtStart, stableAtStart, autoscaler, 0, 0, null, false);
  }

  public CapacityState waitingFor(int replicas, Instant since) {
    return new CapacityState(replicasAtStart, stableAtStart, autoscaler, replicas, reached, since, returned, ready);
  }

  /** The wait's latest reading: recorded only when it changes, and redrawn on the card then. */
  public CapacityState seeing(int readyNow) {
    return new CapacityState(replicasAtStart, stableAtStart, autoscaler, target, reached, waitingSince, returned, readyNow);
  }

  /** Whether the bot waits for the canary's replicas before the route moves. */
  public boolean waiting() {
    return waitingSince != null;
  }

  public CapacityState readyAt(int replicas) {
    return new CapacityState(replicasAtStart, stableAtStart, autoscaler, replicas, replicas, null, returned);
  }

  public CapacityState givenBack() {
    return new CapacityState(replicasAtStart, stableAtStart, autoscaler, target, reached, null, true);
  }

  /** "scaling api-v2 to 3 replicas — 2/3 ready". */
  public static String waitLine(String workload, int target, int ready) {
    return "scaling " + workload + " to " + target + (target == 1 ? " replica" : " replicas")
        + " — " + ready + "/" + target + " ready";
  }
}
