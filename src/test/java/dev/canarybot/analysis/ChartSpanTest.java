package dev.canarybot.analysis;

import static dev.canarybot.analysis.ChartFixtures.T0;
import static dev.canarybot.analysis.ChartFixtures.at;
import static dev.canarybot.analysis.ChartFixtures.promoted;
import static dev.canarybot.analysis.ChartFixtures.rolledBack;
import static dev.canarybot.analysis.ChartFixtures.started;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.release.CanaryRelease;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChartSpanTest {

  @Test
  void aFortyMinuteOldReleaseIsChartedFromItsStart() {
    ChartSpan span = ChartSpan.of(promoted(started(at(0)), at(30)), at(40));

    assertThat(span.from()).isEqualTo(at(0));
    assertThat(span.to()).isEqualTo(at(40));
    assertThat(span.range()).isEqualTo(Duration.ofMinutes(40));
    // 2,400 s / 399 = 6.02 -> 7 s; 2,400 / 7 + 1 = 343 points
    assertThat(span.step()).isEqualTo(Duration.ofSeconds(7));
    assertThat(span.cut()).isFalse();
  }

  @Test
  void aTenHourOldReleaseShowsItsLastSixHours() {
    ChartSpan span = ChartSpan.of(started(at(0)), at(600));

    assertThat(span.from()).isEqualTo(at(240)); // 10 h - 6 h = 4 h after the start
    assertThat(span.releaseStart()).isEqualTo(T0);
    // 21,600 s / 399 = 54.1 -> 55 s; 21,600 / 55 + 1 = 393 points
    assertThat(span.step()).isEqualTo(Duration.ofSeconds(55));
    assertThat(span.cut()).isTrue();
  }

  @Test
  void theStepNeverGoesBelowFiveSeconds() {
    // 120 s / 399 -> 1 s, raised to the 5 s floor: 25 points
    assertThat(ChartSpan.of(started(at(0)), at(2)).step()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void theStepKeepsARangeQueryAtFourHundredPointsAtMost() {
    // 3,990 s = 399 x 10 s: 400 points exactly
    assertThat(ChartSpan.step(Duration.ofSeconds(3990))).isEqualTo(Duration.ofSeconds(10));
    // one second more would make 400 steps of 10 s and 401 points: 11 s
    assertThat(ChartSpan.step(Duration.ofSeconds(3991))).isEqualTo(Duration.ofSeconds(11));
    // a fraction of a second counts as a second
    assertThat(ChartSpan.step(Duration.ofMillis(3990_001))).isEqualTo(Duration.ofSeconds(11));
  }

  @Test
  void anEarlierReleaseOnTheSameRouteIsNotCharted() {
    CanaryRelease first = rolledBack(started(at(0)), at(20));
    CanaryRelease second = ChartFixtures.then(first, new dev.canarybot.release.Command.Start("<@U1>", "api-vs",
        ChartFixtures.TARGET, ChartFixtures.PLAN, true, 0), at(60));

    assertThat(second.status().history()).hasSize(3);
    assertThat(ChartSpan.of(second, at(90)).from()).isEqualTo(at(60));
  }

  @Test
  void aClockBehindTheStartGivesAnEmptySpan() {
    ChartSpan span = ChartSpan.of(started(at(10)), at(9));

    assertThat(span.from()).isEqualTo(at(9));
    assertThat(span.range()).isZero();
  }
}
