package dev.canarybot.metrics;

import dev.canarybot.analysis.LatencyHistogram;
import dev.canarybot.analysis.LatencyStatistics;
import dev.canarybot.analysis.MetricSnapshot;
import dev.canarybot.analysis.PodHealth;
import dev.canarybot.analysis.RecentErrors;
import dev.canarybot.analysis.VersionMetrics;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.service.port.MetricsSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.BiFunction;
import java.util.function.Function;

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
   * @param recent the span of the request series labelled {@link QueryTemplates#SPAN_LABEL}
   *     "recent" in the answer, or null when none was asked for
   */
  Map<String, MetricSnapshot> assemble(List<CanaryRelease> releases, QueryResults answers, Instant at,
      Duration window, Duration recent, BiFunction<CanaryRelease, String, PodHealth> pods) {
    List<Sample> windowed = new ArrayList<>();
    List<Sample> fresh = new ArrayList<>();
    for (Sample s : answers.requests()) {
      (QueryTemplates.RECENT.equals(s.label(QueryTemplates.SPAN_LABEL)) ? fresh : windowed).add(s);
    }
    // Grouped once: scanning every answer for each of a thousand releases costs seconds.
    Map<String, List<Sample>> requests = groupBy(windowed, this::versionKey);
    Map<String, List<Sample>> recentRequests = groupBy(fresh, this::versionKey);
    Map<String, List<Sample>> buckets = groupBy(answers.latencyBuckets(), this::versionKey);
    Map<String, List<Sample>> cpu = groupBy(answers.cpu(), SnapshotAssembler::deploymentKey);
    Map<String, List<Sample>> memory = groupBy(answers.memory(), SnapshotAssembler::deploymentKey);
    Map<String, MetricSnapshot> snapshots = new LinkedHashMap<>();
    for (CanaryRelease release : releases) {
      ReleaseTarget t = release.target();
      VersionMetrics stable = version(slice(requests, buckets, cpu, memory, t, t.stableSubset(), t.stableWorkload()),
          t, t.stableSubset(), t.stableWorkload(), window, pods.apply(release, t.stableWorkload()));
      VersionMetrics canary = version(slice(requests, buckets, cpu, memory, t, t.canarySubset(), t.canaryWorkload()),
          t, t.canarySubset(), t.canaryWorkload(), window, pods.apply(release, t.canaryWorkload()));
      snapshots.put(MetricsSource.key(release), new MetricSnapshot(at, window, stable, canary, null,
          recent == null ? null : recent(recentRequests, t, recent)));
    }
    return snapshots;
  }

  private QueryResults slice(Map<String, List<Sample>> requests, Map<String, List<Sample>> buckets,
      Map<String, List<Sample>> cpu, Map<String, List<Sample>> memory, ReleaseTarget t, String subset, String workload) {
    String version = t.host() + "\n" + versions.of(subset);
    String deployment = t.namespace() + "\n" + workload;
    return new QueryResults(requests.getOrDefault(version, List.of()), buckets.getOrDefault(version, List.of()),
        cpu.getOrDefault(deployment, List.of()), memory.getOrDefault(deployment, List.of()));
  }

  private RecentErrors recent(Map<String, List<Sample>> requests, ReleaseTarget t, Duration recent) {
    String version = versions.of(t.canarySubset());
    List<Sample> answer = requests.getOrDefault(t.host() + "\n" + version, List.of());
    return new RecentErrors(recent, series.requests(answer, t.host(), version), series.errors(answer, t.host(), version));
  }

  private String versionKey(Sample s) {
    return series.service(s) + "\n" + series.version(s);
  }

  /** A pod {@code <deployment>-<hash>-<suffix>} files under its Deployment's name. */
  private static String deploymentKey(Sample s) {
    String pod = s.label("pod");
    int last = pod.lastIndexOf('-');
    int hash = last > 0 ? pod.lastIndexOf('-', last - 1) : -1;
    return s.label("namespace") + "\n" + (hash > 0 ? pod.substring(0, hash) : pod);
  }

  private static Map<String, List<Sample>> groupBy(List<Sample> samples, Function<Sample, String> key) {
    Map<String, List<Sample>> groups = new HashMap<>();
    for (Sample s : samples) {
      groups.computeIfAbsent(key.apply(s), k -> new ArrayList<>()).add(s);
    }
    return groups;
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
        LatencyStatistics.quantile(latency, 0.50), LatencyStatistics.quantile(latency, 0.95),
        LatencyStatistics.quantile(latency, 0.99), latency, pods,
        PodResources.ofLimit(answers.cpu(), t.namespace(), workload),
        PodResources.ofLimit(answers.memory(), t.namespace(), workload));
  }
}
