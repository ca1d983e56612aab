package dev.canarybot.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How the canary and the stable version did over the last while, for a chart: 5xx ratio and
 * P95 per version, point by point. A missing point (no traffic, NaN) is simply absent.
 */
public record MetricHistory(Map<String, List<Point>> errorRatio, Map<String, List<Point>> p95Ms) {

  public record Point(Instant at, double value) {}

  public MetricHistory {
    errorRatio = Map.copyOf(errorRatio);
    p95Ms = Map.copyOf(p95Ms);
  }

  public boolean isEmpty() {
    return errorRatio.values().stream().allMatch(List::isEmpty)
        && p95Ms.values().stream().allMatch(List::isEmpty);
  }
}
