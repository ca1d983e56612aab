package dev.canarybot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.analysis.LatencyHistogram;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrafficHistoryTest {
  static final Instant T0 = Instant.parse("2025-03-04T11:00:00Z");

  static TrafficHistory.Point at(int second, long requests, long errors) {
    LatencyHistogram h = new LatencyHistogram(List.of(new LatencyHistogram.Bucket(100, requests - errors),
        new LatencyHistogram.Bucket(Double.POSITIVE_INFINITY, requests)));
    return new TrafficHistory.Point(T0.plusSeconds(second), Map.of("v2", new TrafficHistory.Totals(requests, errors, h)));
  }

  @Test
  void aWindowIsTheIncreaseSinceThePointAtItsStart() {
    TrafficHistory history = new TrafficHistory(100);
    history.add(at(0, 0, 0));
    history.add(at(10, 100, 1));
    history.add(at(20, 300, 11));
    history.add(at(30, 600, 31));

    TrafficHistory.Increase inc = history.increase("v2", Duration.ofSeconds(20));

    assertThat(inc.requests()).isEqualTo(500);
    assertThat(inc.errors()).isEqualTo(30);
    assertThat(inc.covered()).isEqualTo(Duration.ofSeconds(20));
    assertThat(inc.latency().total()).isEqualTo(500);
    assertThat(inc.latency().buckets().get(0).cumulativeCount()).isEqualTo(470);
  }

  @Test
  void aShorterHistoryCoversWhatThereIs() {
    TrafficHistory history = new TrafficHistory(100);
    history.add(at(0, 50, 0));
    history.add(at(5, 150, 2));

    TrafficHistory.Increase inc = history.increase("v2", Duration.ofMinutes(5));

    assertThat(inc.requests()).isEqualTo(100);
    assertThat(inc.covered()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void noPointsOrAnUnknownVersionIsNoData() {
    TrafficHistory history = new TrafficHistory(100);
    assertThat(history.increase("v2", Duration.ofSeconds(30))).isNull();
    history.add(at(0, 10, 0));
    assertThat(history.increase("v9", Duration.ofSeconds(30))).isNull();
  }

  @Test
  void keepsOnlyItsCapacity() {
    TrafficHistory history = new TrafficHistory(2);
    history.add(at(0, 0, 0));
    history.add(at(10, 100, 0));
    history.add(at(20, 200, 0));

    assertThat(history.increase("v2", Duration.ofMinutes(1)).requests()).isEqualTo(100);
  }

  @Test
  void stepsAreTheIncreasesBetweenTicksAtLeastAStepApart() {
    TrafficHistory history = new TrafficHistory(100);
    for (int second = 0; second <= 40; second += 5) {
      history.add(at(second, second * 10L, second));
    }

    var steps = history.steps("v2", T0.plusSeconds(10), Duration.ofSeconds(10));

    assertThat(steps).extracting(s -> s.at()).containsExactly(T0.plusSeconds(20), T0.plusSeconds(30), T0.plusSeconds(40));
    assertThat(steps).allSatisfy(s -> {
      assertThat(s.increase().requests()).isEqualTo(100);
      assertThat(s.increase().errors()).isEqualTo(10);
    });
  }

  @Test
  void pointsPastTheRecentOnesAreThinnedNotLost() {
    // 3 recent points, then one per 20 s for at most 3 points: ticks every 10 s, 10 requests each.
    TrafficHistory history = new TrafficHistory(3, Duration.ofSeconds(20), 3);
    for (int second = 0; second <= 100; second += 10) {
      history.add(at(second, second, 0));
    }
    // Recent: 80, 90, 100. Fell out: 0..70; kept one per 20 s: 0, 20, 40, 60, of which the last 3.
    var steps = history.steps("v2", T0, Duration.ofSeconds(10));

    assertThat(steps).extracting(s -> s.at()).containsExactly(
        T0.plusSeconds(40), T0.plusSeconds(60), T0.plusSeconds(80), T0.plusSeconds(90), T0.plusSeconds(100));
    // 20 s of traffic between 20 and 40, between 40 and 60, between 60 and 80; then 10 s steps.
    assertThat(steps).extracting(s -> s.increase().requests()).containsExactly(20L, 20L, 20L, 10L, 10L);
    // A window reaching back into the thinned trail still counts every request: 100 - 20.
    assertThat(history.increase("v2", Duration.ofSeconds(80)).requests()).isEqualTo(80);
  }
}
