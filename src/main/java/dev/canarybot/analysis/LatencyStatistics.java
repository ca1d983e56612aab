package dev.canarybot.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Latency from Prometheus histograms: quantiles the way histogram_quantile computes them, and
 * a test of "the canary is slower than stable".
 *
 * <p>The comparison is a Mann-Whitney U test with the buckets as tie groups. It needs only the
 * order of the buckets, not where requests fall inside them, so binning costs power but never
 * validity (the tie-corrected variance accounts for it exactly); a KS test would be
 * conservative to an unknown degree on binned data and chi-square has no direction. Its
 * effect size, P(canary slower) + ½ P(same bucket), guards against calling a trivial shift
 * "slower" just because millions of requests make any difference significant.
 */
public final class LatencyStatistics {
  private LatencyStatistics() {}

  /**
   * The q-quantile (0..1) in ms, interpolating linearly inside its bucket as Prometheus does:
   * the first bucket starts at 0, and a rank in the +Inf bucket answers the last finite bound.
   * Empty without observations.
   */
  public static OptionalDouble quantile(LatencyHistogram histogram, double q) {
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("quantile must be between 0 and 1, got " + q);
    }
    if (histogram == null || !(histogram.total() > 0)) {
      return OptionalDouble.empty();
    }
    List<LatencyHistogram.Bucket> buckets = histogram.buckets();
    double rank = q * histogram.total();
    double lowerBound = 0;
    double lowerCount = 0;
    for (int i = 0; i < buckets.size(); i++) {
      LatencyHistogram.Bucket b = buckets.get(i);
      if (b.cumulativeCount() >= rank) {
        if (Double.isInfinite(b.upperBoundMs())) {
          return OptionalDouble.of(i == 0 ? 0 : buckets.get(i - 1).upperBoundMs());
        }
        double inBucket = b.cumulativeCount() - lowerCount;
        if (inBucket <= 0) {
          return OptionalDouble.of(b.upperBoundMs());
        }
        double start = i == 0 && b.upperBoundMs() <= 0 ? b.upperBoundMs() : lowerBound;
        return OptionalDouble.of(
            start + (b.upperBoundMs() - start) * (rank - lowerCount) / inBucket);
      }
      lowerBound = b.upperBoundMs();
      lowerCount = b.cumulativeCount();
    }
    return OptionalDouble.of(lowerBound);
  }

  /**
   * Requests certainly slower than {@code thresholdMs}: those above the first bucket bound at
   * or past it. Conservative when the threshold falls inside a bucket, which is the right side
   * to err on before rolling back.
   */
  public static double countSlowerThan(LatencyHistogram histogram, double thresholdMs) {
    if (histogram == null) {
      return 0;
    }
    for (LatencyHistogram.Bucket b : histogram.buckets()) {
      if (b.upperBoundMs() >= thresholdMs) {
        return Math.max(0, histogram.total() - b.cumulativeCount());
      }
    }
    return 0;
  }

  /**
   * Mann-Whitney U of "canary slower than stable" over the bucket bounds both histograms
   * share (cumulative counts at a common bound are a valid coarser histogram, so differing
   * layouts still compare).
   */
  public static SlowerTest canarySlower(LatencyHistogram canary, LatencyHistogram stable) {
    List<double[]> counts = commonBucketCounts(canary, stable);
    double n1 = 0;
    double n2 = 0;
    for (double[] c : counts) {
      n1 += c[0];
      n2 += c[1];
    }
    if (n1 <= 0 || n2 <= 0) {
      return new SlowerTest(0.5, 0, 1);
    }
    double u = 0;
    double stableBelow = 0;
    double tieTerm = 0;
    for (double[] c : counts) {
      u += c[0] * (stableBelow + 0.5 * c[1]);
      stableBelow += c[1];
      double t = c[0] + c[1];
      tieTerm += t * t * t - t;
    }
    double n = n1 + n2;
    double variance = n1 * n2 / 12 * ((n + 1) - tieTerm / (n * (n - 1)));
    double superiority = u / (n1 * n2);
    if (!(variance > 0)) {
      return new SlowerTest(superiority, 0, 1);
    }
    double z = (u - n1 * n2 / 2) / Math.sqrt(variance);
    return new SlowerTest(superiority, z, SpecialFunctions.normalUpperTail(z));
  }

  /**
   * @param superiority P(a canary request is slower than a stable one) + ½ P(same bucket):
   *     0.5 means alike; 0.56 / 0.64 / 0.71 are the usual small / medium / large effects
   * @param pValue one-sided, for "canary slower"
   */
  public record SlowerTest(double superiority, double z, double pValue) {
    public double confidence() {
      return 1 - pValue;
    }
  }

  /** Per-bucket (non-cumulative) counts {canary, stable} on the shared bounds, in order. */
  private static List<double[]> commonBucketCounts(LatencyHistogram canary, LatencyHistogram stable) {
    List<double[]> out = new ArrayList<>();
    if (canary == null || stable == null) {
      return out;
    }
    List<LatencyHistogram.Bucket> a = canary.buckets();
    List<LatencyHistogram.Bucket> b = stable.buckets();
    double prevA = 0;
    double prevB = 0;
    int j = 0;
    for (LatencyHistogram.Bucket bucketA : a) {
      while (j < b.size() && b.get(j).upperBoundMs() < bucketA.upperBoundMs()) {
        j++;
      }
      if (j < b.size() && b.get(j).upperBoundMs() == bucketA.upperBoundMs()) {
        double cumA = bucketA.cumulativeCount();
        double cumB = b.get(j).cumulativeCount();
        out.add(new double[] {Math.max(0, cumA - prevA), Math.max(0, cumB - prevB)});
        prevA = cumA;
        prevB = cumB;
      }
    }
    return out;
  }
}
