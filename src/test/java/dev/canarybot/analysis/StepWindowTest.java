package dev.canarybot.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StepWindowTest {
  static final Instant STEP = Instant.parse("2026-12-02T10:02:00Z");
  static final Duration FIVE_MIN = Duration.ofMinutes(5);
  static final Duration SCRAPE = Duration.ofSeconds(15);

  static Stream<Arguments> table() {
    return Stream.of(
        // age 0: nothing of the step's own yet
        Arguments.of(FIVE_MIN, Duration.ZERO, null),
        // age 44 s: 44 - 15 = 29 s, one whole scrape (15 s) < two: too young
        Arguments.of(FIVE_MIN, Duration.ofSeconds(44), null),
        // age 45 s: 45 - 15 = 30 s = two scrapes: judged over 30 s
        Arguments.of(FIVE_MIN, Duration.ofSeconds(45), Duration.ofSeconds(30)),
        // age 4 m: 240 - 15 = 225 s = 15 scrapes: 225 s, the previous step's traffic left out
        Arguments.of(FIVE_MIN, Duration.ofMinutes(4), Duration.ofSeconds(225)),
        // age 4 m 07 s: 247 - 15 = 232 s, rounded down to 15 × 15 = 225 s
        Arguments.of(FIVE_MIN, Duration.ofSeconds(247), Duration.ofSeconds(225)),
        // age 5 m 15 s: 315 - 15 = 300 s = the configured window
        Arguments.of(FIVE_MIN, Duration.ofSeconds(315), FIVE_MIN),
        // age 1 h: capped at the configured 5 m
        Arguments.of(FIVE_MIN, Duration.ofHours(1), FIVE_MIN),
        // configured 20 s, not a multiple of 15 s: an hour in, kept as configured
        Arguments.of(Duration.ofSeconds(20), Duration.ofHours(1), Duration.ofSeconds(20)),
        // configured 20 s, age 40 s: 25 s usable covers the whole configured 20 s
        Arguments.of(Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(20)),
        // configured 20 s, age 34 s: 19 s usable, one whole scrape: too young
        Arguments.of(Duration.ofSeconds(20), Duration.ofSeconds(34), null));
  }

  @ParameterizedTest(name = "window {0}, step age {1} -> {2}")
  @MethodSource("table")
  void aStepIsJudgedOnItsOwnTrafficOnly(Duration configured, Duration age, Duration expected) {
    Optional<Duration> window = StepWindow.of(configured, STEP, STEP.plus(age), SCRAPE);
    assertThat(window).isEqualTo(Optional.ofNullable(expected));
  }

  @Test
  void theRecentSpanIsWholeScrapesAndOnlyWhenShorterThanTheWindow() {
    assertThat(StepWindow.recent(Duration.ofMinutes(1), Duration.ofMinutes(5), SCRAPE)).hasValue(Duration.ofMinutes(1));
    assertThat(StepWindow.recent(Duration.ofSeconds(70), Duration.ofMinutes(5), SCRAPE)).hasValue(Duration.ofSeconds(60));
    assertThat(StepWindow.recent(Duration.ofSeconds(5), Duration.ofMinutes(5), SCRAPE))
        .as("at least two scrapes, for a rate").hasValue(Duration.ofSeconds(30));
    assertThat(StepWindow.recent(Duration.ofMinutes(1), Duration.ofMinutes(1), SCRAPE)).as("the window is fresh enough").isEmpty();
    assertThat(StepWindow.recent(Duration.ofMinutes(1), Duration.ofSeconds(45), SCRAPE)).isEmpty();
  }
}
