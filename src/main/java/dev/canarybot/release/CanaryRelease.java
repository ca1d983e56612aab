package dev.canarybot.release;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One canary release: what it moves traffic on, how, and where it stands. Immutable; the
 * state machine returns new values.
 */
public record CanaryRelease(String name, ReleaseTarget target, ReleasePlan plan,
    boolean autoRollback, ReleaseStatus status, Map<String, String> thresholds) {

  public CanaryRelease {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(status, "status");
    thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
  }

  /** A release with the default thresholds. */
  public CanaryRelease(String name, ReleaseTarget target, ReleasePlan plan, boolean autoRollback,
      ReleaseStatus status) {
    this(name, target, plan, autoRollback, status, Map.of());
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
    return new CanaryRelease(name, target, plan, autoRollback, next, thresholds);
  }

  /** The route now carries the weight the bot wants; no transition, no history. */
  public CanaryRelease withAppliedWeight(int applied) {
    ReleaseStatus s = status;
    return withStatus(new ReleaseStatus(
        s.phase(), s.stepIndex(), s.weight(), s.stepStartedAt(), applied, s.drifted(), s.cleanupMode(),
        s.card(), s.history(), s.lastVerdict()));
  }

  public CanaryRelease withCard(CardRef card) {
    ReleaseStatus s = status;
    return withStatus(new ReleaseStatus(
        s.phase(), s.stepIndex(), s.weight(), s.stepStartedAt(), s.appliedWeight(), s.drifted(),
        s.cleanupMode(), card, s.history(), s.lastVerdict()));
  }

  /** The analysis concluded something new; no transition, no history. */
  public CanaryRelease withLastVerdict(LastVerdict verdict) {
    ReleaseStatus s = status;
    return withStatus(new ReleaseStatus(
        s.phase(), s.stepIndex(), s.weight(), s.stepStartedAt(), s.appliedWeight(), s.drifted(),
        s.cleanupMode(), s.card(), s.history(), verdict));
  }

  /** "api-vs (v1 90 % / v2 10 %, Progressing)". */
  public String describe() {
    return name + " (" + target.stableSubset() + " " + (100 - weight()) + " % / "
        + target.canarySubset() + " " + weight() + " %, " + phase() + ")";
  }
}
