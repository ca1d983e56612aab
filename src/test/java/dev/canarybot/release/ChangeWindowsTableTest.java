package dev.canarybot.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * For an expression and an instant: open or not, the next opening, and when it closes, each
 * derived by hand in the comment above its row. Offsets used: Asia/Shanghai +08 all year;
 * Europe/Berlin +01, +02 from 2025-03-30 01:00Z to 2025-10-26 01:00Z (02:00 CET jumps to 03:00
 * CEST; 03:00 CEST falls back to 02:00 CET); America/New_York -05, -04 from 2025-03-09 07:00Z
 * to 2025-11-02 06:00Z (02:00 EST jumps to 03:00 EDT; 02:00 EDT falls back to 01:00 EST).
 * Days: 2025-03-30, 2025-10-26, 2025-03-09, 2025-11-02, 2025-06-15 are Sundays.
 */
class ChangeWindowsTableTest {
  @ParameterizedTest(name = "{0} at {1}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      # expression | at | open | next opening | closes at

      # exactly at the start it is open, exactly at the end closed (Mon 2025-06-16)
      Mon-Fri 09:00-17:00 UTC | 2025-06-16T09:00:00Z          | true  | 2025-06-16T09:00:00Z | 2025-06-16T17:00:00Z
      Mon-Fri 09:00-17:00 UTC | 2025-06-16T08:59:59.999999999Z | false | 2025-06-16T09:00:00Z | -
      Mon-Fri 09:00-17:00 UTC | 2025-06-16T16:59:59.999999999Z | true  | 2025-06-16T16:59:59.999999999Z | 2025-06-16T17:00:00Z
      Mon-Fri 09:00-17:00 UTC | 2025-06-16T17:00:00Z          | false | 2025-06-17T09:00:00Z | -
      # Friday 17:00 -> the week wraps to Monday 09:00
      Mon-Fri 09:00-17:00 UTC | 2025-06-20T17:00:00Z          | false | 2025-06-23T09:00:00Z | -

      # Shanghai is +08: Sun 19:00 local = Sun 11:00Z; Mon 09:00 local = Mon 01:00Z, 14 h later
      Mon-Fri 09:00-17:00 Asia/Shanghai; Sat 10:00-12:00 Asia/Shanghai | 2025-06-15T11:00:00Z | false | 2025-06-16T01:00:00Z | -
      # Fri 17:00 local = 09:00Z; Sat 10:00 local = Sat 02:00Z
      Mon-Fri 09:00-17:00 Asia/Shanghai; Sat 10:00-12:00 Asia/Shanghai | 2025-06-20T09:00:00Z | false | 2025-06-21T02:00:00Z | -
      # Sat 11:00 local = 03:00Z, open until 12:00 local = 04:00Z
      Mon-Fri 09:00-17:00 Asia/Shanghai; Sat 10:00-12:00 Asia/Shanghai | 2025-06-21T03:00:00Z | true  | 2025-06-21T03:00:00Z | 2025-06-21T04:00:00Z

      # spring forward in Berlin: 02:30 does not exist on 2025-03-30; the first instant after it
      # is 03:00 CEST = 01:00Z; 04:00 CEST = 02:00Z
      Sun 02:30-04:00 Europe/Berlin | 2025-03-29T12:00:00Z | false | 2025-03-30T01:00:00Z | -
      Sun 02:30-04:00 Europe/Berlin | 2025-03-30T01:00:00Z | true  | 2025-03-30T01:00:00Z | 2025-03-30T02:00:00Z
      # 00:59:59Z is 01:59:59 CET, before 02:30 on the wall clock
      Sun 02:30-04:00 Europe/Berlin | 2025-03-30T00:59:59Z | false | 2025-03-30T01:00:00Z | -
      # the next Sunday is summer time: 02:30 CEST = 00:30Z
      Sun 02:30-04:00 Europe/Berlin | 2025-03-30T02:00:00Z | false | 2025-04-06T00:30:00Z | -
      # a window wholly inside the skipped hour does not open that day: next Sunday 02:00 CEST = 00:00Z
      Sun 02:00-02:45 Europe/Berlin | 2025-03-29T12:00:00Z | false | 2025-04-06T00:00:00Z | -
      # office hours move with the clocks: Fri 28 Mar 09:00 CET = 08:00Z, Mon 31 Mar 09:00 CEST = 07:00Z
      Mon-Fri 09:00-17:00 Europe/Berlin | 2025-03-28T07:59:00Z | false | 2025-03-28T08:00:00Z | -
      Mon-Fri 09:00-17:00 Europe/Berlin | 2025-03-28T16:00:00Z | false | 2025-03-31T07:00:00Z | -
      Mon-Fri 09:00-17:00 Europe/Berlin | 2025-03-31T07:00:00Z | true  | 2025-03-31T07:00:00Z | 2025-03-31T15:00:00Z

      # fall back in Berlin on 2025-10-26: 02:00-02:30 is lived twice, first in CEST (+02)
      # 00:00Z-00:30Z, then in CET (+01) 01:00Z-01:30Z
      Sun 02:00-02:30 Europe/Berlin | 2025-10-25T12:00:00Z | false | 2025-10-26T00:00:00Z | -
      Sun 02:00-02:30 Europe/Berlin | 2025-10-26T00:15:00Z | true  | 2025-10-26T00:15:00Z | 2025-10-26T00:30:00Z
      Sun 02:00-02:30 Europe/Berlin | 2025-10-26T00:45:00Z | false | 2025-10-26T01:00:00Z | -
      Sun 02:00-02:30 Europe/Berlin | 2025-10-26T01:15:00Z | true  | 2025-10-26T01:15:00Z | 2025-10-26T01:30:00Z
      # across the fall-back: 01:00 CEST = Sat 23:00Z to 04:00 CET = 03:00Z, four real hours
      Sun 01:00-04:00 Europe/Berlin | 2025-10-25T23:00:00Z | true  | 2025-10-25T23:00:00Z | 2025-10-26T03:00:00Z
      # ending inside the repeated hour: 01:00 CEST = 23:00Z to 02:30 CEST = 00:30Z; at 01:00Z the
      # clock turns back to 02:00 CET, inside again, until 02:30 CET = 01:30Z
      Sun 01:00-02:30 Europe/Berlin | 2025-10-26T00:00:00Z | true  | 2025-10-26T00:00:00Z | 2025-10-26T00:30:00Z
      Sun 01:00-02:30 Europe/Berlin | 2025-10-26T00:45:00Z | false | 2025-10-26T01:00:00Z | -
      Sun 01:00-02:30 Europe/Berlin | 2025-10-26T01:00:00Z | true  | 2025-10-26T01:00:00Z | 2025-10-26T01:30:00Z

      # spring forward in New York on 2025-03-09: 02:30 does not exist; 03:00 EDT = 07:00Z,
      # 03:30 EDT = 07:30Z
      Sun 02:30-03:30 America/New_York | 2025-03-08T12:00:00Z | false | 2025-03-09T07:00:00Z | -
      Sun 02:30-03:30 America/New_York | 2025-03-09T07:10:00Z | true  | 2025-03-09T07:10:00Z | 2025-03-09T07:30:00Z
      # fall back in New York: Fri 31 Oct 17:00 EDT = 21:00Z; Mon 3 Nov 09:00 EST = 14:00Z
      Mon-Fri 09:00-17:00 America/New_York | 2025-10-31T21:00:00Z | false | 2025-11-03T14:00:00Z | -
      Mon-Fri 09:00-17:00 America/New_York | 2025-11-03T14:00:00Z | true  | 2025-11-03T14:00:00Z | 2025-11-03T22:00:00Z
      # 01:00-01:30 is lived twice on 2 Nov: EDT 05:00Z-05:30Z, EST 06:00Z-06:30Z
      Sun 01:00-01:30 America/New_York | 2025-11-02T05:40:00Z | false | 2025-11-02T06:00:00Z | -

      # past midnight: Fri 22:00-02:00 CEST = Fri 20:00Z-Sat 00:00Z (2025-06-06 is a Friday)
      Fri 22:00-02:00 Europe/Berlin | 2025-06-06T19:59:00Z | false | 2025-06-06T20:00:00Z | -
      Fri 22:00-02:00 Europe/Berlin | 2025-06-06T22:30:00Z | true  | 2025-06-06T22:30:00Z | 2025-06-07T00:00:00Z
      # Sat 22:30 CEST = 20:30Z is Saturday's evening, not in a Friday window: next Friday 20:00Z
      Fri 22:00-02:00 Europe/Berlin | 2025-06-07T20:30:00Z | false | 2025-06-13T20:00:00Z | -
      # the week wraps: Sun 22:00-06:00 UTC runs into Monday morning
      Sun 22:00-06:00 UTC | 2025-06-16T05:59:00Z | true  | 2025-06-16T05:59:00Z | 2025-06-16T06:00:00Z
      Sun 22:00-06:00 UTC | 2025-06-16T06:00:00Z | false | 2025-06-22T22:00:00Z | -
      # Monday's own night is not in it: Mon 23:00Z is closed
      Sun 22:00-06:00 UTC | 2025-06-16T23:00:00Z | false | 2025-06-22T22:00:00Z | -
      # a wrapping day range: Fri, Sat, Sun, Mon; Tue 10:00 waits for Fri 10:00
      Fri-Mon 10:00-16:00 UTC | 2025-06-15T12:00:00Z | true  | 2025-06-15T12:00:00Z | 2025-06-15T16:00:00Z
      Fri-Mon 10:00-16:00 UTC | 2025-06-17T10:00:00Z | false | 2025-06-20T10:00:00Z | -

      # several zones: Shanghai 09:00-17:00 = 01:00Z-09:00Z, Berlin in June 07:00Z-15:00Z; they
      # overlap, so on Monday 16 Jun the windows close at 15:00Z
      Mon-Fri 09:00-17:00 Asia/Shanghai; Mon-Fri 09:00-17:00 Europe/Berlin | 2025-06-16T02:00:00Z | true  | 2025-06-16T02:00:00Z | 2025-06-16T15:00:00Z
      # after Fri 20 Jun 15:00Z the first to open is Shanghai, Mon 01:00Z
      Mon-Fri 09:00-17:00 Asia/Shanghai; Mon-Fri 09:00-17:00 Europe/Berlin | 2025-06-20T15:00:00Z | false | 2025-06-23T01:00:00Z | -
      # back to back across midnight: Sat 20:00-24:00 then Sun 00:00-02:00, one stretch
      Sat 20:00-24:00 UTC; Sun 00:00-02:00 UTC | 2025-06-14T21:00:00Z | true  | 2025-06-14T21:00:00Z | 2025-06-15T02:00:00Z
      # a fixed offset: Tue 09:00 +08:00 = Tue 01:00Z (17 Jun 2025 is a Tuesday)
      Tue 09:00-10:00 +08:00 | 2025-06-16T12:00:00Z | false | 2025-06-17T01:00:00Z | -
      """)
  void answers(String expression, Instant at, boolean open, Instant nextOpening, Instant closesAt) {
    ChangeWindows w = ChangeWindows.parse(expression);
    assertThat(w.isOpen(at)).as("open").isEqualTo(open);
    assertThat(w.nextOpening(at)).as("next opening").contains(nextOpening);
    assertThat(w.closesAt(at)).as("closes at").isEqualTo(Optional.ofNullable(closesAt));
    assertThat(w.refusal(at).isPresent()).as("refused").isEqualTo(!open);
  }

  @ParameterizedTest(name = "{0} at {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # expression | at | the refusal
      # the brief's example: Sun 19:00 Shanghai = 11:00Z, Mon 09:00 Shanghai = Mon 01:00Z, 14 h
      Mon-Fri 09:00-17:00 Asia/Shanghai | 2025-06-15T11:00:00Z | outside the change windows (Mon-Fri 09:00-17:00 Asia/Shanghai); next window opens Mon 09:00 Asia/Shanghai, in 14 h
      # Fri 21:00Z to Mon 14:00Z is 72 h - 7 h = 65 h: the hour New York falls back is in it
      Mon-Fri 09:00-17:00 America/New_York | 2025-10-31T21:00:00Z | outside the change windows (Mon-Fri 09:00-17:00 America/New_York); next window opens Mon 09:00 America/New_York, in 2 d 17 h
      # the zone of the window that opens: after Fri 15:00Z Shanghai opens first, Mon 01:00Z, 58 h
      Mon-Fri 09:00-17:00 Europe/Berlin; Mon-Fri 09:00-17:00 Asia/Shanghai | 2025-06-20T15:00:00Z | outside the change windows (Mon-Fri 09:00-17:00 Europe/Berlin; Mon-Fri 09:00-17:00 Asia/Shanghai); next window opens Mon 09:00 Asia/Shanghai, in 2 d 10 h
      # Mon 08:35Z: 25 minutes to 09:00
      Mon-Fri 09:00-17:00 UTC | 2025-06-16T08:35:00Z | outside the change windows (Mon-Fri 09:00-17:00 UTC); next window opens Mon 09:00 UTC, in 25 min
      # the skipped hour: Sat 12:00Z to 01:00Z is 13 h; the wall clock then reads 03:00 CEST
      Sun 02:30-04:00 Europe/Berlin | 2025-03-29T12:00:00Z | outside the change windows (Sun 02:30-04:00 Europe/Berlin); next window opens Sun 03:00 Europe/Berlin, in 13 h
      # Fri 16:00Z (17:00 CET) to Mon 07:00Z (09:00 CEST): 63 h = 2 d 15 h
      Mon-Fri 09:00-17:00 Europe/Berlin | 2025-03-28T16:00:00Z | outside the change windows (Mon-Fri 09:00-17:00 Europe/Berlin); next window opens Mon 09:00 Europe/Berlin, in 2 d 15 h
      """)
  void refusesWithTheNextOpening(String expression, Instant at, String refusal) {
    assertThat(ChangeWindows.parse(expression).refusal(at)).contains(refusal);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      always
      Mon-Fri 09:00-17:00 UTC
      """)
  void noRefusalWhileOpen(String expression) {
    // Mon 2025-06-16 10:00Z is inside office hours, and "always" is always open
    Instant at = Instant.parse("2025-06-16T10:00:00Z");
    assertThat(ChangeWindows.parse(expression).refusal(at)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      always
      Mon-Sun 00:00-24:00 UTC
      Mon-Sun 00:00-24:00 Europe/Berlin
      """)
  void alwaysOpenNeverCloses(String expression) {
    ChangeWindows w = ChangeWindows.parse(expression);
    // the Berlin fall-back night is included: every instant of it is still on some day 00-24
    for (String at : new String[] {"2025-06-16T10:00:00Z", "2025-10-26T01:00:00Z"}) {
      assertThat(w.isOpen(Instant.parse(at))).isTrue();
      assertThat(w.closesAt(Instant.parse(at))).isEmpty();
    }
    // no restriction has no opening at all; whole-week windows open "now"
    assertThat(w.nextOpening(Instant.parse("2025-06-16T10:00:00Z")))
        .isEqualTo(w.isAlways() ? Optional.empty()
            : Optional.of(Instant.parse("2025-06-16T10:00:00Z")));
  }
}
