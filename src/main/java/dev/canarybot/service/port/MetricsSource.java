package dev.canarybot.service.port;

import dev.canarybot.analysis.CheckReading;
import dev.canarybot.analysis.MetricHistory;
import dev.canarybot.analysis.MetricSnapshot;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.release.StartFacts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Request numbers per version for the releases being watched: Prometheus in production, an
 * in-process traffic simulator in the demo.
 */
public interface MetricsSource {

  /**
   * One snapshot per release, keyed by {@code namespace/name}, from one batch of queries
   * whatever the number of releases. When the source cannot answer, every snapshot says why
   * ({@link MetricSnapshot#unavailable()}); this method does not throw for that.
   */
  Map<String, MetricSnapshot> snapshots(List<CanaryRelease> releases, Duration window);

  /**
   * As above, with the canary's errors over the shorter {@code recent} span as well
   * ({@link MetricSnapshot#recent()}), in the same batch. A source that cannot measure it
   * answers without, and the rollback trigger reads the window alone.
   */
  default Map<String, MetricSnapshot> snapshots(List<CanaryRelease> releases, Duration window, Duration recent) {
    return snapshots(releases, window);
  }

  /**
   * The release's 5xx ratio and P95 per version over the last {@code range}, for a chart; empty
   * when the source keeps no history or cannot answer.
   */
  default Optional<MetricHistory> history(CanaryRelease release, Duration range, Duration step) {
    return Optional.empty();
  }

  /**
   * Whether the source holds requests of {@code subset} of the target's host within the last
   * {@code window}, as the analysis would read them; it does not throw when it cannot tell.
   */
  default StartFacts.Sample recentSample(ReleaseTarget target, String subset, Duration window) {
    return StartFacts.Sample.unavailable("this metrics source cannot tell");
  }

  /**
   * The releases' custom checks, keyed like {@link #snapshots}, each reading in spec order. A
   * source that cannot run PromQL says so in every reading, which blocks promotion.
   */
  default Map<String, List<CheckReading>> checks(List<CanaryRelease> releases, Duration window) {
    Map<String, List<CheckReading>> out = new java.util.LinkedHashMap<>();
    for (CanaryRelease r : releases) {
      out.put(key(r), r.checks().stream()
          .map(c -> CheckReading.invalid(c, "this metrics source runs no custom checks")).toList());
    }
    return out;
  }

  /**
   * The version label the analysis reads for {@code subset} (by default the subset's name), so a
   * dashboard link filters on the same version the numbers were taken for.
   */
  default String versionOf(String subset) {
    return subset;
  }

  static String key(CanaryRelease release) {
    return release.namespace() + "/" + release.name();
  }
}
