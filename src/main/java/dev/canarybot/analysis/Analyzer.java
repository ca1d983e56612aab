package dev.canarybot.analysis;

import static dev.canarybot.analysis.NumberText.share;

import dev.canarybot.analysis.Verdict.Kind;
import dev.canarybot.release.TimeText;
import java.time.Duration;
import java.util.List;

/**
 * Turns one tick's snapshot into a verdict. Pure: the same snapshot always gives the same
 * verdict, so every rule is a row in a table test. Missing data never reads as healthy.
 */
public final class Analyzer {
  private Analyzer() {}

  public static Verdict analyze(MetricSnapshot snapshot, Thresholds t, int configuredCanaryWeight,
      Duration timeAtStep, Duration requiredObservation) {
    return analyze(snapshot, t, configuredCanaryWeight, timeAtStep, requiredObservation, List.of());
  }

  /** As above, with the release's custom checks judged beside the built-in ones. */
  public static Verdict analyze(MetricSnapshot snapshot, Thresholds t, int configuredCanaryWeight,
      Duration timeAtStep, Duration requiredObservation, List<CheckReading> checks) {
    Findings f = new Findings();
    if (!snapshot.available()) {
      String why = "metrics unavailable: " + snapshot.unavailable();
      f.raise(Kind.Inconclusive, why);
      f.block(why);
      return f.verdict();
    }
    VersionMetrics canary = snapshot.canary();
    VersionMetrics stable = snapshot.stable();
    if (snapshot.window().isZero()) {
      // No span of this step's own traffic yet (see StepWindow): a finding now would judge the last step.
      String young = "not enough data yet: this step is too young to be judged on its own traffic";
      f.raise(Kind.Inconclusive, young);
      f.block(young);
      return f.verdict();
    }
    // Pods first: an OOMKill needs no traffic to be seen.
    PodCheck.check(f, canary, t);
    if (!hasRequests(canary)) {
      String none = "no requests to " + canary.version() + " in the last " + TimeText.duration(snapshot.window());
      f.raise(Kind.Inconclusive, none);
      f.block(none);
    } else {
      // At 100 % stable gets no traffic by design; there is nothing to compare with.
      boolean compare = configuredCanaryWeight < 100;
      if (compare && !hasRequests(stable)) {
        f.raise(Kind.Inconclusive, "no requests to " + stable.version() + " to compare " + canary.version() + " with");
        f.block("no data for " + stable.version());
        compare = false;
      }
      f.proof(proof(canary, compare ? stable : null));
      ErrorRateCheck.check(f, canary, compare ? stable : null, t, snapshot.recent());
      LatencyCheck.check(f, canary, stable, t, compare);
      if (compare) {
        checkSplit(f, canary, stable, t, configuredCanaryWeight);
      }
    }
    // Checks are judged even without Istio traffic: a business metric has its own source.
    CustomChecks.check(f, checks, canary.version(), stable.version(), configuredCanaryWeight < 100);
    if (timeAtStep.compareTo(requiredObservation) < 0) {
      f.block("observed " + TimeText.duration(timeAtStep) + " of the required " + TimeText.duration(requiredObservation));
    }
    return f.verdict();
  }

  /**
   * "v2 0 errors in 4,397; P95 97 ms vs 97 ms": what a healthy verdict rests on, in the words
   * an on-call reader checks first.
   */
  private static String proof(VersionMetrics canary, VersionMetrics stable) {
    StringBuilder line = new StringBuilder(canary.version()).append(' ');
    if (canary.errors().isPresent()) {
      double k = canary.errors().getAsDouble();
      line.append(NumberText.count(k)).append(k == 1 ? " error in " : " errors in ")
          .append(NumberText.count(canary.requests().getAsDouble()));
    } else {
      line.append(NumberText.count(canary.requests().getAsDouble())).append(" requests, 5xx unknown");
    }
    if (canary.p95Ms().isPresent()) {
      line.append("; P95 ").append(NumberText.millis(canary.p95Ms().getAsDouble()));
      if (stable != null && stable.p95Ms().isPresent()) {
        line.append(" vs ").append(NumberText.millis(stable.p95Ms().getAsDouble()));
      }
    }
    return line.toString();
  }

  /**
   * The observed canary share against the configured weight. Judged on the share's confidence
   * interval, so 3 of 20 requests (15 %) at a 10 % weight is not called a drift.
   */
  private static void checkSplit(Findings f, VersionMetrics canary, VersionMetrics stable, Thresholds t, int weight) {
    double c = canary.requests().getAsDouble();
    double total = c + stable.requests().getAsDouble();
    double configured = weight / 100.0;
    double lower = Statistics.lowerBound(c, total, t.enoughDataConfidence());
    double upper = Statistics.upperBound(c, total, t.enoughDataConfidence());
    if (lower > configured + t.splitTolerance() || upper < configured - t.splitTolerance()) {
      String reason = "observed " + share(c / total) + " to " + canary.version() + ", configured " + weight
          + " % (tolerance ±" + share(t.splitTolerance()).replace(" %", " pp") + ")";
      f.raise(Kind.Watch, reason);
      f.block(reason);
    }
  }

  private static boolean hasRequests(VersionMetrics m) {
    return m != null && m.requests().isPresent() && m.requests().getAsDouble() > 0;
  }
}
