package dev.canarybot.analysis;

import java.util.List;

/**
 * Request durations as Prometheus keeps them: cumulative counts per upper bound ("le"), in
 * milliseconds, increasing, the last bound being +Inf.
 */
public record LatencyHistogram(List<Bucket> buckets) {

  public record Bucket(double upperBoundMs, double cumulativeCount) {}

  public LatencyHistogram {
    buckets = List.copyOf(buckets);
  }

  public double total() {
    return buckets.isEmpty() ? 0 : buckets.get(buckets.size() - 1).cumulativeCount();
  }
}
