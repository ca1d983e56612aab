package dev.canarybot.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LatencyStatisticsTest {
  private static final double INF = Double.POSITIVE_INFINITY;

  /** bounds and cumulative counts, alternating: h(100, 10, 200, 30, INF, 40). */
  static LatencyHistogram h(double... pairs) {
    List<LatencyHistogram.Bucket> buckets = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      buckets.add(new LatencyHistogram.Bucket(pairs[i], pairs[i + 1]));
    }
    return new LatencyHistogram(buckets);
  }

  static Stream<Arguments> quantiles() {
    LatencyHistogram hist = h(100, 10, 200, 30, 500, 90, 1000, 100, INF, 100);
    return Stream.of(
        // q, expected ms; rank = q * 100
        // rank 5 in (0,100]: 0 + 100 * 5/10 = 50
        Arguments.of(hist, 0.05, 50.0),
        // rank 50 in (200,500] holding 60: 200 + 300 * (50-30)/60 = 300
        Arguments.of(hist, 0.5, 300.0),
        // rank 95 in (500,1000] holding 10: 500 + 500 * (95-90)/10 = 750
        Arguments.of(hist, 0.95, 750.0),
        // rank 99 in (500,1000]: 500 + 500 * 9/10 = 950
        Arguments.of(hist, 0.99, 950.0),
        // rank 95 falls in +Inf: Prometheus answers the last finite bound, 1000
        Arguments.of(h(100, 50, 1000, 90, INF, 100), 0.95, 1000.0));
  }

  @ParameterizedTest
  @MethodSource("quantiles")
  void quantileInterpolatesInsideItsBucketLikePrometheus(
      LatencyHistogram hist, double q, double expected) {
    assertThat(LatencyStatistics.quantile(hist, q).getAsDouble()).isCloseTo(expected, within(1e-9));
  }

  @Test
  void quantileOfAnEmptyHistogramIsNoData() {
    assertThat(LatencyStatistics.quantile(h(100, 0, INF, 0), 0.95)).isEmpty();
    assertThat(LatencyStatistics.quantile(null, 0.95)).isEmpty();
  }

  @Test
  void slowerThanCountsFromTheFirstBoundAtOrPastTheThreshold() {
    LatencyHistogram hist = h(2500, 80, 5000, 90, 10000, 97, INF, 100);
    // past 5000: 100 - 90 = 10
    assertThat(LatencyStatistics.countSlowerThan(hist, 5000)).isEqualTo(10);
    // 4000 is inside (2500,5000]: only the 10 above 5000 are certainly slower
    assertThat(LatencyStatistics.countSlowerThan(hist, 4000)).isEqualTo(10);
  }

  @Test
  void canaryEntirelyInTheSlowerBucketIsSlower() {
    LatencyHistogram canary = h(100, 0, 200, 10, INF, 10);
    LatencyHistogram stable = h(100, 10, 200, 10, INF, 10);
    // U = 10 * 10 = 100 of 100 pairs; N = 20, tie groups of 10 and 10:
    // var = 100/12 * (21 - 2 * (1000 - 10) / 380) = 131.58; z = (100 - 50) / 11.471 = 4.359
    // one-sided p = 1 - Φ(4.359) = 6.54e-6
    LatencyStatistics.SlowerTest t = LatencyStatistics.canarySlower(canary, stable);
    assertThat(t.superiority()).isEqualTo(1.0);
    assertThat(t.z()).isCloseTo(4.359, within(1e-3));
    assertThat(t.pValue()).isCloseTo(6.54e-6, within(1e-7));
  }

  @Test
  void sameDistributionIsNotSlower() {
    LatencyHistogram a = h(100, 50, 200, 90, INF, 100);
    LatencyStatistics.SlowerTest t = LatencyStatistics.canarySlower(a, a);
    // every pair either tied or balanced: superiority 0.5, z = 0
    assertThat(t.superiority()).isCloseTo(0.5, within(1e-12));
    assertThat(t.pValue()).isCloseTo(0.5, within(1e-7));
  }

  @Test
  void fasterCanaryIsNotSlower() {
    LatencyStatistics.SlowerTest t = LatencyStatistics.canarySlower(
        h(100, 90, 200, 100, INF, 100), h(100, 10, 200, 100, INF, 100));
    assertThat(t.superiority()).isLessThan(0.5);
    assertThat(t.confidence()).isLessThan(0.5);
  }

  @Test
  void differingBucketLayoutsCompareOnTheSharedBounds() {
    // canary has an extra 150 bound; on the shared (100, 200, +Inf) both are 10 / 10 / 0
    LatencyHistogram canary = h(100, 10, 150, 15, 200, 20, INF, 20);
    LatencyHistogram stable = h(100, 10, 200, 20, INF, 20);
    assertThat(LatencyStatistics.canarySlower(canary, stable).superiority())
        .isCloseTo(0.5, within(1e-12));
  }

  @Test
  void missingHistogramIsNoEvidence() {
    assertThat(LatencyStatistics.canarySlower(null, h(100, 1, INF, 1)).pValue()).isEqualTo(1);
  }
}
