package dev.canarybot.analysis;

import java.util.OptionalDouble;

/**
 * What one version (stable or canary) did over the analysis window. An empty value means
 * "no data" (no series, NaN, or the source could not say) and is never read as zero.
 *
 * @param requestRate requests per second
 * @param requests requests in the window
 * @param errors 5xx responses in the window
 * @param latency request duration histogram in the window, or null without data
 * @param pods pod health since the step began, or null when it could not be read
 * @param cpuOfLimit CPU use as a fraction of the pods' limits (0.8 = 80 %)
 * @param memoryOfLimit working-set memory as a fraction of the pods' limits
 */
public record VersionMetrics(
    String version,
    OptionalDouble requestRate,
    OptionalDouble requests,
    OptionalDouble errors,
    OptionalDouble p50Ms,
    OptionalDouble p95Ms,
    OptionalDouble p99Ms,
    LatencyHistogram latency,
    PodHealth pods,
    OptionalDouble cpuOfLimit,
    OptionalDouble memoryOfLimit) {

  /** A version the source knows nothing about. */
  public static VersionMetrics empty(String version) {
    return new VersionMetrics(version, OptionalDouble.empty(), OptionalDouble.empty(),
        OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
        OptionalDouble.empty(), null, null, OptionalDouble.empty(), OptionalDouble.empty());
  }
}
