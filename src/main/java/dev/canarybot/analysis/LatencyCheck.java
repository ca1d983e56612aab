package dev.canarybot.analysis;

import static dev.canarybot.analysis.NumberText.confidence;
import static dev.canarybot.analysis.NumberText.millis;
import static dev.canarybot.analysis.NumberText.share;

import dev.canarybot.analysis.Verdict.Kind;
import java.util.OptionalDouble;

/**
 * The canary's P95 against the gate and the rollback trigger, and its latency distribution
 * against stable's. Like errors, the P95 trigger needs evidence: enough requests slower than
 * the trigger that more than 5 % of all requests are slower with confidence.
 */
final class LatencyCheck {
  /** Without a histogram a P95 from fewer requests rests on a handful of samples. */
  static final double MIN_REQUESTS_FOR_P95 = 100;

  private LatencyCheck() {}

  static void check(Findings f, VersionMetrics canary, VersionMetrics stable, Thresholds t, boolean compare) {
    String v = canary.version();
    OptionalDouble p95 = p95(canary);
    if (p95.isEmpty()) {
      f.raise(Kind.Inconclusive, "no latency data for " + v);
      f.block("P95 of " + v + " unknown");
      return;
    }
    double ms = p95.getAsDouble();
    String observed = v + " P95 " + millis(ms);
    if (ms > t.rollbackP95Ms()) {
      if (surelySlowerThan(canary, t.rollbackP95Ms(), t.enoughDataConfidence())) {
        f.raise(Kind.Breach, observed + " is above the " + millis(t.rollbackP95Ms()) + " rollback trigger");
      } else {
        f.raise(Kind.Inconclusive, observed + " is above the " + millis(t.rollbackP95Ms())
            + " rollback trigger, but too few requests to be sure");
      }
    }
    if (ms >= t.maxP95Ms()) {
      f.block(observed + " is above the " + millis(t.maxP95Ms()) + " gate");
    }
    if (compare) {
      compareWithStable(f, canary, stable, t, ms);
    }
  }

  private static void compareWithStable(
      Findings f, VersionMetrics canary, VersionMetrics stable, Thresholds t, double canaryP95) {
    OptionalDouble stableP95 = p95(stable);
    if (stableP95.isEmpty()) {
      f.raise(Kind.Inconclusive, "no latency data for " + stable.version() + " to compare " + canary.version() + " with");
      f.block("P95 of " + stable.version() + " unknown");
      return;
    }
    double limit = t.maxP95VsStable() * stableP95.getAsDouble() + t.p95SlackMs();
    if (canaryP95 > limit) {
      f.block(canary.version() + " P95 " + millis(canaryP95) + " is above " + t.maxP95VsStable() + "x "
          + stable.version() + "'s " + millis(stableP95.getAsDouble()) + " + " + millis(t.p95SlackMs())
          + " (" + millis(limit) + ")");
    }
    LatencyStatistics.SlowerTest test = LatencyStatistics.canarySlower(canary.latency(), stable.latency());
    if (test.confidence() >= t.worseThanStableConfidence() && test.superiority() >= t.minSlowerEffect()) {
      String reason = canary.version() + " is slower than " + stable.version() + " with "
          + confidence(t.worseThanStableConfidence()) + " confidence (a " + canary.version()
          + " request is the slower of a pair " + share(test.superiority()) + " of the time)";
      f.raise(Kind.Watch, reason);
      f.block(reason);
    }
  }

  /** The source's P95, or one recomputed from the histogram when the source had none. */
  static OptionalDouble p95(VersionMetrics m) {
    if (m == null) {
      return OptionalDouble.empty();
    }
    return m.p95Ms().isPresent() ? m.p95Ms() : LatencyStatistics.quantile(m.latency(), 0.95);
  }

  private static boolean surelySlowerThan(VersionMetrics m, double thresholdMs, double c) {
    if (m.latency() != null && m.latency().total() > 0) {
      double slow = LatencyStatistics.countSlowerThan(m.latency(), thresholdMs);
      return Statistics.lowerBound(slow, m.latency().total(), c) > 0.05;
    }
    return m.requests().orElse(0) >= MIN_REQUESTS_FOR_P95;
  }
}
