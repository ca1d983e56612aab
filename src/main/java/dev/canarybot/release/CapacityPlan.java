package dev.canarybot.release;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * How many canary replicas a weight needs, and what to do about it. The canary only ever goes
 * up before a move (a person who scaled it higher is left alone) and the stable is never touched.
 */
public final class CapacityPlan {
  private CapacityPlan() {}

  /** {@code max(replicas at start, ceil(stable at start × weight / 100), 1)}. */
  public static int replicasFor(CapacityState s, int weight) {
    int share = (s.stableAtStart() * weight + 99) / 100;
    return Math.max(Math.max(s.replicasAtStart(), share), 1);
  }

  /** The next thing to do before the route moves to {@code weight}. */
  public static CapacityStep before(CapacityState s, int weight, ReplicaReading now, Instant at,
      Duration timeout) {
    int target = replicasFor(s, weight);
    if (now.current() && now.ready() >= target) {
      return new CapacityStep.Ready(s.readyAt(target), target);
    }
    // A wait already under way for this target keeps its start, so a restart does not reset it.
    Instant since = s.target() == target && s.waitingSince() != null ? s.waitingSince() : at;
    CapacityState waiting = s.waitingFor(target, since).seeing(now.ready());
    if (now.floor() < target) {
      int replicas = now.autoscaled() ? Math.min(target, Math.max(now.autoscalerMax(), 1)) : target;
      if (replicas > now.floor()) {
        return new CapacityStep.Scale(waiting, replicas, now.autoscaled());
      }
    }
    if (!at.isBefore(since.plus(timeout))) {
      return new CapacityStep.TimedOut(now.ready(), target);
    }
    return new CapacityStep.Wait(waiting, now.ready(), target);
  }

  /**
   * The replicas a rolled-back canary goes back to, or empty to leave it: kept by setting, given
   * back once, or changed by a person since the bot raised it (the bot never undoes a person).
   */
  public static OptionalInt giveBack(CapacityState s, ReplicaReading now, RollbackCapacity mode) {
    if (s.returned() || mode == RollbackCapacity.KEEP) {
      return OptionalInt.empty();
    }
    int want = mode == RollbackCapacity.ZERO && !now.autoscaled() ? 0 : s.replicasAtStart();
    boolean botsOwn = now.floor() == s.target() || now.floor() == s.replicasAtStart();
    if (!botsOwn || now.floor() == want) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(want);
  }
}
