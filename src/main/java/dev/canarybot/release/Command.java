package dev.canarybot.release;

import java.util.List;
import java.util.Map;

/**
 * What a person or the bot asks of a release. Each carries its actor, who is named in the
 * history and in refusals.
 */
public sealed interface Command {
  String actor();

  /** What the history calls this command. */
  Action action();

  /**
   * Start a release on a target. {@code observedWeight} is the canary weight on the route when
   * the target was resolved (0 when the canary has no destination yet).
   */
  /**
   * @param capacity whether the canary's replicas follow its weight
   * @param capacityAtStart the replicas found at start when they do, else {@code null}
   */
  record Start(String actor, String name, ReleaseTarget target, ReleasePlan plan,
      boolean autoRollback, int observedWeight, Map<String, String> thresholds, List<CheckSpec> checks,
      CapacityMode capacity, CapacityState capacityAtStart) implements Command {
    public Start {
      thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
      checks = checks == null ? List.of() : List.copyOf(checks);
      capacity = capacity == null ? CapacityMode.MATCH_WEIGHT : capacity;
    }

    /** A start without custom checks whose capacity the bot does not drive. */
    public Start(String actor, String name, ReleaseTarget target, ReleasePlan plan,
        boolean autoRollback, int observedWeight, Map<String, String> thresholds) {
      this(actor, name, target, plan, autoRollback, observedWeight, thresholds, List.of(), null, null);
    }

    /** A start with custom checks whose capacity the bot does not drive. */
    public Start(String actor, String name, ReleaseTarget target, ReleasePlan plan,
        boolean autoRollback, int observedWeight, Map<String, String> thresholds, List<CheckSpec> checks) {
      this(actor, name, target, plan, autoRollback, observedWeight, thresholds, checks, null, null);
    }

    /** A start with the default thresholds. */
    public Start(String actor, String name, ReleaseTarget target, ReleasePlan plan,
        boolean autoRollback, int observedWeight) {
      this(actor, name, target, plan, autoRollback, observedWeight, Map.of());
    }

    public Action action() { return Action.START; }
  }

  /**
   * Move to the next step, or to {@code toWeight} when it is a later step (0 means "next").
   * {@code expectedWeight} is the weight the asker saw (a button carries the step it was drawn
   * for); -1 means "whatever it is now". A mismatch is refused, so double clicks and stale
   * cards change nothing. {@code secondApprover} is the four-eyes rule: the person who started
   * the release may not take it to 100 % alone. It is decided here, on the same read as the
   * move, so no burst of promotions can slip past it.
   */
  record Promote(String actor, int toWeight, int expectedWeight, String reason, boolean secondApprover)
      implements Command {
    /** A promotion without the four-eyes rule. */
    public Promote(String actor, int toWeight, int expectedWeight, String reason) {
      this(actor, toWeight, expectedWeight, reason, false);
    }

    public Action action() { return Action.PROMOTE; }
  }

  /**
   * Send all traffic back to stable. {@code expectedWeight} is the weight the asker saw, as
   * for {@link Promote}: a rollback racing a promotion does not land on top of it.
   */
  record Rollback(String actor, String reason, int expectedWeight) implements Command {
    public Action action() { return Action.ROLLBACK; }
  }

  record Pause(String actor, String reason) implements Command {
    public Action action() { return Action.PAUSE; }
  }

  record Resume(String actor) implements Command {
    public Action action() { return Action.RESUME; }
  }

  /**
   * The route's weights are at neither what the bot wants nor what it last wrote; or, with a
   * {@code detail}, a route the bot added is not as it left it.
   */
  record MarkDrifted(String actor, int foundCanaryWeight, int foundStableWeight, String detail)
      implements Command {
    /** Drift of the weights. */
    public MarkDrifted(String actor, int foundCanaryWeight, int foundStableWeight) {
      this(actor, foundCanaryWeight, foundStableWeight, null);
    }

    public Action action() { return Action.DRIFT; }
  }

  /**
   * Let testers reach the canary by a header at any weight ({@code match}), or stop that
   * ({@code match == null}).
   */
  record Testers(String actor, TestersMatch match) implements Command {
    public Action action() { return Action.TESTERS; }
  }

  /** End the release at 100 % and keep the old version running. */
  record Complete(String actor) implements Command {
    public Action action() { return Action.COMPLETE; }
  }

  /** Retire the old version; {@code force} skips the wait at 100 %. */
  record Cleanup(String actor, CleanupMode mode, boolean force) implements Command {
    public Action action() { return Action.CLEANUP; }
  }

  /** The bot cannot carry on; a person has to look. */
  record Fail(String actor, String reason) implements Command {
    public Action action() { return Action.FAIL; }
  }
}
