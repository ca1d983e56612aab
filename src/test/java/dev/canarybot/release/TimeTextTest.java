package dev.canarybot.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a distance in time reads in a refusal. */
class TimeTextTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # duration    | reads
      # nothing left, or already past
      PT0S          | 0 min
      -PT5M         | 0 min
      # minutes round up, so "in 1 min" never means "already open"
      PT0.5S        | 1 min
      PT20S         | 1 min
      PT25M         | 25 min
      PT59M01S      | 1 h
      # under 10 h: hours and minutes, minutes rounded up
      PT1H          | 1 h
      PT2H14M10S    | 2 h 15 min
      PT9H59M       | 9 h 59 min
      # from 10 h: the nearest hour; 13 h 30 min rounds up, 13 h 29 min down
      PT9H59M30S    | 10 h
      PT13H29M      | 13 h
      PT13H30M      | 14 h
      PT14H         | 14 h
      PT47H29M      | 47 h
      # from two days: days and hours; 47 h 30 min is 48 h, 2 d
      PT47H30M      | 2 d
      PT58H         | 2 d 10 h
      PT65H         | 2 d 17 h
      PT167H        | 6 d 23 h
      """)
  void roughly(Duration d, String reads) {
    assertThat(TimeText.roughly(d)).isEqualTo(reads);
  }
}
