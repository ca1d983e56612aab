package dev.canarybot.analysis;

import dev.canarybot.release.Action;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.HistoryEntry;
import dev.canarybot.release.TimeText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a release's summary chart shows, decided before anything is drawn: per version the 5xx
 * rate (in percent) and P95 over the span, the canary's weight as a step line, the gate and
 * rollback levels, and a marker at each transition.
 *
 * @param errorPercent stable first, then canary
 * @param p95Ms stable first, then canary
 * @param canaryWeight the weight from each step's time until the next step's; the last is at the span's end
 * @param errorLevels empty when the release's thresholds are invalid: no line is better than a wrong one
 * @param errorAxisTop the 5xx axis runs from 0 to this, in percent; a level above it is off the scale
 * @param p95AxisTop the P95 axis runs from 0 to this, in milliseconds
 */
public record ChartModel(
    String title,
    ChartSpan span,
    List<Series> errorPercent,
    List<Series> p95Ms,
    List<WeightStep> canaryWeight,
    List<Level> errorLevels,
    List<Level> p95Levels,
    List<Marker> markers,
    double errorAxisTop,
    double p95AxisTop) {

  /** Room above the highest line, so the rollback level is not drawn on the frame. */
  static final double HEADROOM = 1.1;
  /** A 5xx axis never shorter than 0–1 %: a flat 0.01 % must not look like a spike. */
  static final double MIN_ERROR_TOP_PERCENT = 1.0;
  static final double MIN_P95_TOP_MS = 100;

  public enum Role { STABLE, CANARY }

  public record Series(String version, Role role, List<MetricHistory.Point> points) {
    public Series {
      points = List.copyOf(points);
    }

    /** "v1 (stable)". */
    public String label() {
      return version + " (" + role.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
  }

  public record WeightStep(Instant at, int weight) {}

  public enum LevelKind { GATE, ROLLBACK }

  /** A horizontal line: "gate 0.1 %", "rollback 5,000 ms". */
  public record Level(LevelKind kind, double value, String label) {}

  /** A vertical line at a transition: "promote → 50 %", "pause at 50 %". */
  public record Marker(Instant at, String action, int weight, String label) {}

  public ChartModel {
    errorPercent = List.copyOf(errorPercent);
    p95Ms = List.copyOf(p95Ms);
    canaryWeight = List.copyOf(canaryWeight);
    errorLevels = List.copyOf(errorLevels);
    p95Levels = List.copyOf(p95Levels);
    markers = List.copyOf(markers);
  }

  /**
   * @param thresholds the release's resolved thresholds, or {@code null} when its overrides are invalid
   */
  public static ChartModel of(CanaryRelease release, MetricHistory history, Thresholds thresholds,
      ChartSpan span) {
    String stable = release.target().stableSubset();
    String canary = release.target().canarySubset();
    List<Series> errors = List.of(
        series(stable, Role.STABLE, history.errorRatio(), span, 100),
        series(canary, Role.CANARY, history.errorRatio(), span, 100));
    List<Series> p95 = List.of(
        series(stable, Role.STABLE, history.p95Ms(), span, 1),
        series(canary, Role.CANARY, history.p95Ms(), span, 1));
    List<Level> errorLevels = thresholds == null ? List.of() : List.of(
        new Level(LevelKind.GATE, 100 * thresholds.maxErrorRate(), "gate " + NumberText.percent(thresholds.maxErrorRate())),
        new Level(LevelKind.ROLLBACK, 100 * thresholds.rollbackErrorRate(),
            "rollback " + NumberText.percent(thresholds.rollbackErrorRate())));
    List<Level> p95Levels = thresholds == null ? List.of() : List.of(
        new Level(LevelKind.GATE, thresholds.maxP95Ms(), "gate " + NumberText.millis(thresholds.maxP95Ms())),
        new Level(LevelKind.ROLLBACK, thresholds.rollbackP95Ms(), "rollback " + NumberText.millis(thresholds.rollbackP95Ms())));
    List<HistoryEntry> entries = release.status().history();
    return new ChartModel(title(release, span), span, errors, p95, weights(release, entries, span),
        errorLevels, p95Levels, markers(entries, span),
        top(errors, errorLevels, MIN_ERROR_TOP_PERCENT), top(p95, p95Levels, MIN_P95_TOP_MS));
  }

  /** A chart needs a line: at least one series with two points. One dot shows no trend. */
  public boolean drawable() {
    return Stream.concat(errorPercent.stream(), p95Ms.stream()).anyMatch(s -> s.points().size() >= 2);
  }

  private static Series series(String version, Role role, Map<String, List<MetricHistory.Point>> byVersion,
      ChartSpan span, double scale) {
    List<MetricHistory.Point> points = byVersion.getOrDefault(version, List.of()).stream()
        .filter(p -> !p.at().isBefore(span.from()) && !p.at().isAfter(span.to()) && Double.isFinite(p.value()))
        .map(p -> new MetricHistory.Point(p.at(), scale * p.value()))
        .toList();
    return new Series(version, role, points);
  }

  /** The weight in force at the span's start, then one step per transition inside it, up to its end. */
  private static List<WeightStep> weights(CanaryRelease release, List<HistoryEntry> entries, ChartSpan span) {
    Integer first = null;
    for (HistoryEntry e : entries) {
      if (!e.at().isAfter(span.from())) {
        first = e.toWeight();
      } else if (first == null) {
        // The entries before the span were dropped from the history: the first one kept says what was.
        first = e.fromWeight() >= 0 ? e.fromWeight() : release.weight();
      }
    }
    int weight = first == null ? release.weight() : first;
    List<WeightStep> steps = new ArrayList<>();
    steps.add(new WeightStep(span.from(), weight));
    for (HistoryEntry e : entries) {
      if (e.at().isAfter(span.from()) && !e.at().isAfter(span.to())) {
        weight = e.toWeight();
        steps.add(new WeightStep(e.at(), weight));
      }
    }
    steps.add(new WeightStep(span.to(), weight));
    return steps;
  }

  private static List<Marker> markers(List<HistoryEntry> entries, ChartSpan span) {
    return entries.stream()
        .filter(e -> e.at().isAfter(span.from()) && !e.at().isAfter(span.to()))
        .filter(e -> e.action() != Action.START && e.action() != Action.RETIRED)
        .map(e -> new Marker(e.at(), e.action().word(), e.toWeight(), e.action().word()
            + (e.toWeight() == e.fromWeight() ? " at " : " → ") + e.toWeight() + " %"))
        .toList();
  }

  /**
   * The axis shows every point and the gate; the rollback level joins once a point crosses the
   * gate, because until then it would squash a 200 ms P95 into the bottom twentieth of the panel.
   */
  private static double top(List<Series> series, List<Level> levels, double floor) {
    double data = 0;
    for (Series s : series) {
      for (MetricHistory.Point p : s.points()) {
        data = Math.max(data, p.value());
      }
    }
    double gate = levels.stream().filter(l -> l.kind() == LevelKind.GATE).mapToDouble(Level::value)
        .min().orElse(Double.POSITIVE_INFINITY);
    double highest = Math.max(floor, data);
    for (Level l : levels) {
      if (l.kind() == LevelKind.GATE || data >= gate) {
        highest = Math.max(highest, l.value());
      }
    }
    return HEADROOM * highest;
  }

  /** "api-vs: v1 (stable) vs v2 (canary) since the start at 10:02 UTC", or "…, last 6h00m of 26h10m". */
  private static String title(CanaryRelease release, ChartSpan span) {
    String versions = release.name() + ": " + release.target().stableSubset() + " (stable) vs "
        + release.target().canarySubset() + " (canary)";
    return span.cut()
        ? versions + ", last " + TimeText.duration(span.range()) + " of "
            + TimeText.duration(java.time.Duration.between(span.releaseStart(), span.to()))
        : versions + " since the start at " + TimeText.clock(span.releaseStart());
  }
}
