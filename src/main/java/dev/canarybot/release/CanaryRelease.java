package dev.canarybot.release;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One canary release: what it moves traffic on, how, and where it stands. Immutable; the
 * state machine returns new values.
 *
 * @param testers the header that sends testers to the canary at any weight, or {@code null}
 * @param windows this release's own change windows (spec.windows, as {@code canary.windows} is
 *     written), or {@code null} for the setting's
 */
public record CanaryRelease(String name, ReleaseTarget target, ReleasePlan plan,
    boolean autoRollback, ReleaseStatus status, Map<String, String> thresholds, List<CheckSpec> checks,
    CapacityMode capacity, TestersMatch testers, String windows) {

  public CanaryRelease {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(status, "status");
    thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
    checks = checks == null ? List.of() : List.copyOf(checks);
    capacity = capacity == null ? CapacityMode.MATCH_WEIGHT : capacity;
  }

  /** A release under the setting's change windows. */
  public CanaryRelease(String name, ReleaseTarget target, ReleasePlan plan, boolean autoRollback,
      ReleaseStatus status, Map<String, String> thresholds, List<CheckSpec> checks, CapacityMode capacity,
      TestersMatch testers) {
    this(name, target, plan, autoRollback, status, thresholds, checks, capacity, testers, null);
  }

  /** A release without testers. */
  public CanaryRelease(String name, ReleaseTarget target, ReleasePlan plan, boolean autoRollback,
      ReleaseStatus status, Map<String, String> thresholds, List<CheckSpec> checks, CapacityMode capacity) {
    this(name, target, plan, autoRollback, status, thresholds, checks, capacity, null);
  }

  /** A release without custom checks whose canary replicas follow the weight. */
  public CanaryRelease(String name, ReleaseTarget target, ReleasePlan plan, boolean autoRollback,
      ReleaseStatus status, Map<String, String> thresholds) {
    this(name, target, plan, autoRollback, status, thresholds, List.of(), CapacityMode.MATCH_WEIGHT);
  }

  /** A release with custom checks whose canary replicas follow the weight. */
  public CanaryRelease(String name, ReleaseTarget target, ReleasePlan plan, boolean autoRollback,
      ReleaseStatus status, Map<String, String> thresholds, List<CheckSpec> checks) {
    this(name, target, plan, autoRollback, status, thresholds, checks, CapacityMode.MATCH_WEIGHT);
  }

  /** A release without custom checks. */
  public CanaryRelease(String name, ReleaseTarget target, ReleasePlan plan, boolean autoRollback,
      ReleaseStatus status, Map<String, String> thresholds, CapacityMode capacity) {
    this(name, target, plan, autoRollback, status, thresholds, List.of(), capacity);
  }

  /** A release with the default thresholds. */
  public CanaryRelease(String name, ReleaseTarget target, ReleasePlan plan, boolean autoRollback,
      ReleaseStatus status) {
    this(name, target, plan, autoRollback, status, Map.of());
  }

  /** The change windows that rule this release's promotions: its own, else {@code setting}. */
  public ChangeWindows windowsOr(ChangeWindows setting) {
    return windows == null ? setting : ChangeWindows.parse(windows, "CanaryRelease " + name + " spec.windows");
  }

  public Phase phase() {
    return status.phase();
  }

  public int weight() {
    return status.weight();
  }

  public String namespace() {
    return target.namespace();
  }

  /** The weight of the next step, or -1 at the last step. */
  public int nextWeight() {
    int next = status.stepIndex() + 1;
    return next <= plan.lastIndex() ? plan.weightAt(next) : -1;
  }

  public Duration timeAtStep(Instant now) {
    return Duration.between(status.stepStartedAt(), now);
  }

  public CanaryRelease withStatus(ReleaseStatus next) {
    return new CanaryRelease(name, target, plan, autoRollback, next, thresholds, checks, capacity, testers, windows);
  }

  /** The same release with another testers' condition ({@code null}: none). */
  public CanaryRelease withTesters(TestersMatch next) {
    return new CanaryRelease(name, target, plan, autoRollback, status, thresholds, checks, capacity, next, windows);
  }

  /** The name of this release's testers' route. */
  public String testersRoute() {
    return AddedRoute.testersName(name);
  }

  /** The route now carries the weight the bot wants; no transition, no history. */
  public CanaryRelease withAppliedWeight(int applied) {
    return withStatus(status.toBuilder().appliedWeight(applied).build());
  }

  /** The canary's capacity moved on; no transition, no history. */
  public CanaryRelease withNudge(Nudge state) {
    return withStatus(status.toBuilder().nudge(state).build());
  }

  public CanaryRelease withCapacity(CapacityState state) {
    return withStatus(status.toBuilder().capacity(state).build());
  }

  public CanaryRelease withCard(CardRef card) {
    return withStatus(status.toBuilder().card(card).build());
  }

  /** The analysis concluded something new; no transition, no history. */
  public CanaryRelease withLastVerdict(LastVerdict verdict) {
    return withStatus(status.toBuilder().lastVerdict(verdict).build());
  }

  /** "api-vs (v1 90 % / v2 10 %, Progressing)". */
  public String describe() {
    return name + " (" + target.stableSubset() + " " + (100 - weight()) + " % / "
        + target.canarySubset() + " " + weight() + " %, " + phase() + ")";
  }
}
