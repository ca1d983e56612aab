package dev.canarybot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.canarybot.analysis.LatencyHistogram;
import dev.canarybot.analysis.LatencyHistogram.Bucket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Same answers as Prometheus' histogram_quantile, checked by hand. */
class HistogramQuantileTest {
  // 100 requests: 10 under 10 ms, 60 in (10, 50], 25 in (50, 100], 4 in (100, 1000], 1 above.
  static final LatencyHistogram H = new LatencyHistogram(List.of(
      new Bucket(10, 10), new Bucket(50, 70), new Bucket(100, 95), new Bucket(1000, 99),
      new Bucket(Double.POSITIVE_INFINITY, 100)));

  @Test
  void interpolatesInsideTheBucketHoldingTheRank() {
    // rank 50: 40 of the 60 in (10, 50] -> 10 + 40 * 40/60
    assertThat(HistogramQuantile.of(0.5, H).getAsDouble()).isCloseTo(36.667, within(0.001));
    // rank 95: the top of (50, 100]
    assertThat(HistogramQuantile.of(0.95, H).getAsDouble()).isCloseTo(100, within(1e-9));
    // rank 99: 4 of 4 in (100, 1000]
    assertThat(HistogramQuantile.of(0.99, H).getAsDouble()).isCloseTo(1000, within(1e-9));
  }

  @Test
  void theFirstBucketStartsAtZero() {
    assertThat(HistogramQuantile.of(0.05, H).getAsDouble()).isCloseTo(5, within(1e-9));
  }

  @Test
  void aRankInTheInfBucketAnswersTheHighestFiniteBound() {
    assertThat(HistogramQuantile.of(0.999, H).getAsDouble()).isEqualTo(1000);
  }

  @Test
  void noRequestsIsNoDataNotZero() {
    LatencyHistogram empty = new LatencyHistogram(List.of(new Bucket(10, 0), new Bucket(Double.POSITIVE_INFINITY, 0)));
    assertThat(HistogramQuantile.of(0.5, empty)).isEmpty();
    assertThat(HistogramQuantile.of(0.5, null)).isEmpty();
  }
}
