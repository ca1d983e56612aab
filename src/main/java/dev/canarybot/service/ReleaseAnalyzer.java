package dev.canarybot.service;

import dev.canarybot.analysis.Analyzer;
import dev.canarybot.analysis.CheckReading;
import dev.canarybot.analysis.InvalidThresholdsException;
import dev.canarybot.analysis.MetricSnapshot;
import dev.canarybot.analysis.StepWindow;
import dev.canarybot.analysis.Thresholds;
import dev.canarybot.analysis.Verdict;
import dev.canarybot.analysis.VersionMetrics;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.ObservationPolicy;
import dev.canarybot.service.port.Analysis;
import dev.canarybot.service.port.MetricsSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns releases into verdicts: one batch of metrics for all of them, then the pure analysis
 * with each release's own thresholds and observation time.
 */
@ApplicationScoped
public class ReleaseAnalyzer {
  private final MetricsSource metrics;
  private final CanaryConfig config;
  private final ObservationPolicy observation;
  private final Clock clock;

  public ReleaseAnalyzer(MetricsSource metrics, CanaryConfig config, Clock clock) {
    this.metrics = metrics;
    this.config = config;
    this.observation = config.observation();
    this.clock = clock;
  }

  /** Keyed by {@link MetricsSource#key}. */
  public Map<String, Analysis> analyze(List<CanaryRelease> releases) {
    Map<String, Analysis> out = new LinkedHashMap<>();
    if (releases.isEmpty()) {
      return out;
    }
    // Releases whose steps are old enough share one window, and one batch of queries with it.
    Map<Duration, List<CanaryRelease>> byWindow = new LinkedHashMap<>();
    List<CanaryRelease> tooYoung = new ArrayList<>();
    for (CanaryRelease r : releases) {
      Optional<Duration> window = window(r);
      if (window.isPresent()) {
        byWindow.computeIfAbsent(window.get(), w -> new ArrayList<>()).add(r);
      } else {
        tooYoung.add(r);
      }
    }
    Map<String, MetricSnapshot> snapshots = new LinkedHashMap<>();
    Map<String, List<CheckReading>> checks = new LinkedHashMap<>();
    byWindow.forEach((window, group) -> {
      snapshots.putAll(metrics.snapshots(group, window, StepWindow.recent(
          config.analysis().recentWindow(), window, config.analysis().scrapeInterval()).orElse(null)));
      if (group.stream().anyMatch(r -> !r.checks().isEmpty())) {
        checks.putAll(metrics.checks(group, window));
      }
    });
    for (CanaryRelease r : tooYoung) {
      Duration scrape = config.analysis().scrapeInterval();
      String why = StepWindow.tooYoung(r.status().stepStartedAt(), clock.instant(), scrape);
      // Available, with no span: the analysis says "not enough data yet", never "metrics unavailable".
      snapshots.put(MetricsSource.key(r), new MetricSnapshot(clock.instant(), Duration.ZERO,
          VersionMetrics.empty(r.target().stableSubset()), VersionMetrics.empty(r.target().canarySubset()), null));
      checks.put(MetricsSource.key(r), r.checks().stream().map(c -> CheckReading.invalid(c, why)).toList());
    }
    for (CanaryRelease r : releases) {
      MetricSnapshot s = snapshots.get(MetricsSource.key(r));
      if (s == null) {
        s = MetricSnapshot.unavailableFor(r, clock.instant(), window(r).orElse(config.analysis().window()),
            "the metrics source said nothing about " + r.name());
      }
      List<CheckReading> readings = readings(r, checks.get(MetricsSource.key(r)));
      out.put(MetricsSource.key(r), new Analysis(s, verdict(r, s, readings), r.weight(), readings));
    }
    return out;
  }

  /** The span this release is judged over now: its own step's traffic only; empty while too young. */
  public Optional<Duration> window(CanaryRelease r) {
    return StepWindow.of(config.analysis().window(), r.status().stepStartedAt(), clock.instant(),
        config.analysis().scrapeInterval());
  }

  public Analysis analyze(CanaryRelease release) {
    return analyze(List.of(release)).get(MetricsSource.key(release));
  }

  /** The defaults with the release's overrides; throws {@link InvalidThresholdsException} for bad ones. */
  static Thresholds thresholds(CanaryRelease r) {
    return Thresholds.DEFAULT.withOverrides(r.thresholds());
  }

  /** A source that forgot a release must not make its checks vanish: each then reads as unanswered. */
  private static List<CheckReading> readings(CanaryRelease r, List<CheckReading> answered) {
    if (answered != null && answered.size() == r.checks().size()) {
      return answered;
    }
    return r.checks().stream()
        .map(c -> CheckReading.invalid(c, "the metrics source said nothing about this check")).toList();
  }

  private Verdict verdict(CanaryRelease r, MetricSnapshot s, List<CheckReading> readings) {
    Thresholds t;
    try {
      t = thresholds(r);
    } catch (InvalidThresholdsException e) {
      // A hand-edited spec must not silently fall back to defaults, nor stop the other releases.
      String why = "spec.thresholds of CanaryRelease " + r.name() + " are invalid: " + e.getMessage();
      return new Verdict(Verdict.Kind.Inconclusive, List.of(why), List.of(why));
    }
    Duration at = r.timeAtStep(clock.instant());
    return Analyzer.analyze(s, t, r.weight(), at, observation.required(r), readings);
  }
}
