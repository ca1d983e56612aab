package dev.canarybot.metrics;

import dev.canarybot.analysis.LatencyHistogram;
import dev.canarybot.analysis.MetricSnapshot;
import dev.canarybot.analysis.PodHealth;
import dev.canarybot.analysis.VersionMetrics;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.service.MetricsSource;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.BiFunction;

/** Splits one tick's batch answers into a snapshot per release. Pure: no I/O of its own. */
final class SnapshotAssembler {
  private final IstioSeries series;
  private final SubsetVersions versions;

  SnapshotAssembler(IstioSeries series, SubsetVersions versions) {
    this.series = series;
    this.versions = versions;
  }

  /**
   * @param pods the pod health of a Deployment ({@code namespace}, {@code name}) since its step
   *     began, or null when unknown
   */
  Map<String, MetricSnapshot> assemble(List<CanaryRelease> releases, QueryResults answers, Instant at,
      Duration window, BiFunction<CanaryRelease, String, PodHealth> pods) {
    Map<String, MetricSnapshot> snapshots = new LinkedHashMap<>();
    for (CanaryRelease release : releases) {
      ReleaseTarget t = release.target();
      VersionMetrics stable = version(answers, t, t.stableSubset(), t.stableWorkload(), window,
          pods.apply(release, t.stableWorkload()));
      VersionMetrics canary = version(answers, t, t.canarySubset(), t.canaryWorkload(), window,
          pods.apply(release, t.canaryWorkload()));
      snapshots.put(MetricsSource.key(release), new MetricSnapshot(at, window, stable, canary, null));
    }
    return snapshots;
  }

  private VersionMetrics version(QueryResults answers, ReleaseTarget t, String subset, String workload,
      Duration window, PodHealth pods) {
    String version = versions.of(subset);
    OptionalDouble requests = series.requests(answers.requests(), t.host(), version);
    OptionalDouble rate = requests.isPresent()
        ? OptionalDouble.of(requests.getAsDouble() / (window.toMillis() / 1000.0))
        : OptionalDouble.empty();
    LatencyHistogram latency = series.histogram(answers.latencyBuckets(), t.host(), version);
    return new VersionMetrics(version, rate, requests,
        series.errors(answers.requests(), t.host(), version),
        HistogramQuantile.of(0.50, latency), HistogramQuantile.of(0.95, latency),
        HistogramQuantile.of(0.99, latency), latency, pods,
        PodResources.ofLimit(answers.cpu(), t.namespace(), workload),
        PodResources.ofLimit(answers.memory(), t.namespace(), workload));
  }
}
