package dev.canarybot.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** One series of a range-query answer, for charts and trends. */
public record RangeSeries(Map<String, String> labels, List<Point> points) {

  /** @param value empty for NaN or ±Inf */
  public record Point(Instant at, OptionalDouble value) {}

  public RangeSeries {
    labels = Map.copyOf(labels);
    points = List.copyOf(points);
  }
}
