package dev.canarybot.metrics;

import dev.canarybot.analysis.LatencyHistogram;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Prometheus' {@code histogram_quantile}, computed here from bucket increases fetched once, so
 * P50, P95 and P99 cost no extra query: linear interpolation inside the bucket holding the rank;
 * a rank in the +Inf bucket answers the highest finite bound.
 */
public final class HistogramQuantile {
  private HistogramQuantile() {}

  /** The q-quantile (0..1) in milliseconds, or empty for a histogram without requests. */
  public static OptionalDouble of(double q, LatencyHistogram histogram) {
    if (histogram == null || histogram.total() <= 0 || Double.isNaN(q)) {
      return OptionalDouble.empty();
    }
    List<LatencyHistogram.Bucket> buckets = histogram.buckets();
    double rank = Math.max(0, Math.min(1, q)) * histogram.total();
    double lowerBound = 0;
    double lowerCount = 0;
    for (int i = 0; i < buckets.size(); i++) {
      LatencyHistogram.Bucket b = buckets.get(i);
      if (b.cumulativeCount() >= rank) {
        if (Double.isInfinite(b.upperBoundMs())) {
          return i == 0 ? OptionalDouble.empty() : OptionalDouble.of(lowerBound);
        }
        double inBucket = b.cumulativeCount() - lowerCount;
        if (inBucket <= 0) {
          return OptionalDouble.of(b.upperBoundMs());
        }
        return OptionalDouble.of(lowerBound + (b.upperBoundMs() - lowerBound) * (rank - lowerCount) / inBucket);
      }
      lowerBound = b.upperBoundMs();
      lowerCount = b.cumulativeCount();
    }
    return OptionalDouble.empty();
  }
}
