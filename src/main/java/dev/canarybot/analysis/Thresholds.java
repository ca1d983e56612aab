package dev.canarybot.analysis;

import java.util.Map;

/**
 * The numbers a verdict is judged by ({@link #DEFAULT}, or a release's overrides named in the
 * README's "Using it" section). Rates and shares are fractions (0.001 = 0.1 %), latencies
 * milliseconds.
 *
 * @param maxErrorRate promotion gate: the canary's 5xx rate must be provably below it
 * @param maxP95Ms promotion gate: canary P95
 * @param maxP95VsStable promotion gate: canary P95 at most this times stable's ...
 * @param p95SlackMs ... plus this, so a 5 ms stable service is not failed over 3 ms of noise
 * @param maxCpu promotion gate: CPU use as a fraction of the limit
 * @param maxMemory promotion gate: working-set memory as a fraction of the limit
 * @param rollbackErrorRate immediate rollback when the canary's 5xx rate is surely above it
 * @param rollbackP95Ms immediate rollback when the canary's P95 is surely above it
 * @param rollbackOomKilled immediate rollback at this many OOMKilled containers
 * @param watchErrorRate watch (alert, no rollback) above this 5xx rate
 * @param splitTolerance observed canary share may differ from the weight by this (0.05 = 5 pp)
 * @param enoughDataConfidence confidence for "the data settles it" (bounds, sample sizes)
 * @param worseThanStableConfidence confidence for "the canary is worse than stable"
 * @param minSlowerEffect smallest P(canary request slower than a stable one) worth a watch
 */
public record Thresholds(
    double maxErrorRate,
    double maxP95Ms,
    double maxP95VsStable,
    double p95SlackMs,
    double maxCpu,
    double maxMemory,
    double rollbackErrorRate,
    double rollbackP95Ms,
    int rollbackOomKilled,
    double watchErrorRate,
    double splitTolerance,
    double enoughDataConfidence,
    double worseThanStableConfidence,
    double minSlowerEffect) {

  /**
   * 0.56 is the conventional "small" effect for P(X > Y) (Vargha and Delaney); smaller shifts
   * are real at canary traffic volumes but not worth an alert.
   */
  public static final Thresholds DEFAULT = new Thresholds(
      0.001, 2000, 1.5, 50, 0.8, 0.8, 0.01, 5000, 2, 0.005, 0.05, 0.95, 0.99, 0.56);

  public Thresholds {
    String problem = ThresholdOverrides.inconsistency(
        maxErrorRate, watchErrorRate, rollbackErrorRate, maxP95Ms, rollbackP95Ms);
    if (problem != null) {
      throw new InvalidThresholdsException(problem);
    }
  }

  /**
   * These thresholds with a release's overrides applied, e.g. {@code maxErrorRate=0.5%},
   * {@code rollbackP95=4s}. An unknown key or a bad value is refused with the valid keys.
   */
  public Thresholds withOverrides(Map<String, String> overrides) {
    return ThresholdOverrides.apply(this, overrides);
  }
}
