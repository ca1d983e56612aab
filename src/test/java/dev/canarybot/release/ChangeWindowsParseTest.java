package dev.canarybot.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The grammar: what each form means, its normalized words, and the words of each mistake. */
class ChangeWindowsParseTest {
  private static final String EXAMPLE =
      "e.g. \"Mon-Fri 09:00-17:00 Asia/Shanghai; Sat 10:00-12:00 UTC\"";

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # written                                                | normalized
      Mon-Fri 09:00-17:00 Asia/Shanghai; Sat 10:00-12:00 Asia/Shanghai | Mon-Fri 09:00-17:00 Asia/Shanghai; Sat 10:00-12:00 Asia/Shanghai
      # case-insensitive days and zone, extra spaces, one-digit hour, trailing ;
        mon-FRI   9:00-17:00   asia/shanghai ;                 | Mon-Fri 09:00-17:00 Asia/Shanghai
      # a wrapping range keeps its form: Fri, Sat, Sun, Mon
      Fri-Mon 10:00-16:00 UTC                                  | Fri-Mon 10:00-16:00 UTC
      # a list of days; consecutive ones become a range
      Wed,Mon,Fri 08:00-12:00 Europe/Berlin                    | Mon,Wed,Fri 08:00-12:00 Europe/Berlin
      Mon,Tue,Wed,Fri 08:00-12:00 Europe/Berlin                | Mon-Wed,Fri 08:00-12:00 Europe/Berlin
      # Sun and Mon are consecutive across the week's end; runs are listed by their first day
      Sun,Mon,Wed 08:00-12:00 UTC                              | Wed,Sun-Mon 08:00-12:00 UTC
      Mon-Sun 00:00-24:00 UTC                                  | Mon-Sun 00:00-24:00 UTC
      Sat-Fri 00:00-24:00 UTC                                  | Mon-Sun 00:00-24:00 UTC
      # past midnight; an end of 00:00 is 24:00
      Fri 22:00-02:00 Europe/Berlin                            | Fri 22:00-02:00 Europe/Berlin
      Sat 20:00-00:00 UTC                                      | Sat 20:00-24:00 UTC
      # fixed offsets as java.time writes them
      Tue 09:00-10:00 +08:00                                   | Tue 09:00-10:00 +08:00
      Tue 09:00-10:00 +8                                       | Tue 09:00-10:00 +08:00
      Tue 09:00-10:00 GMT+8                                    | Tue 09:00-10:00 GMT+08:00
      always                                                   | always
      ALWAYS                                                   | always
      """)
  void readsAndNormalizes(String written, String normalized) {
    ChangeWindows parsed = ChangeWindows.parse(written);
    assertThat(parsed.describe()).isEqualTo(normalized);
    assertThat(ChangeWindows.parse(parsed.describe())).isEqualTo(parsed);
  }

  @Test
  void emptyMeansNoRestriction() {
    assertThat(ChangeWindows.parse("")).isEqualTo(ChangeWindows.ALWAYS);
    assertThat(ChangeWindows.parse("   ")).isEqualTo(ChangeWindows.ALWAYS);
    assertThat(ChangeWindows.parse(null)).isEqualTo(ChangeWindows.ALWAYS);
    assertThat(ChangeWindows.ALWAYS.isAlways()).isTrue();
  }

  @Test
  void readsTheParts() {
    ChangeWindows w = ChangeWindows.parse("Fri-Mon 22:00-02:00 Europe/Berlin; Wed 09:30-24:00 +08:00");
    assertThat(w.entries()).containsExactly(
        new ChangeWindow(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY,
            DayOfWeek.MONDAY), 22 * 60, 2 * 60, ZoneId.of("Europe/Berlin")),
        // 09:30 is 570 minutes; 24:00 is 1440
        new ChangeWindow(EnumSet.of(DayOfWeek.WEDNESDAY), 570, 1440, ZoneOffset.ofHours(8)));
    assertThat(w.entries().get(0).overnight()).isTrue();
    assertThat(w.entries().get(1).overnight()).isFalse();
  }

  @Test
  void theBriefsExampleWordForWord() {
    assertThatThrownBy(() -> ChangeWindows.parse(
        "Mon-Fri 09:00-17:00 Asia/Shanghai; Sat 10-12 Asia/Shanghai"))
        .isInstanceOf(InvalidWindowsException.class)
        .hasMessage("canary.windows entry 2 \"Sat 10-12 Asia/Shanghai\": \"10-12\" is not a time "
            + "range; write HH:mm-HH:mm, " + EXAMPLE);
  }

  @Test
  void theSourceIsNamed() {
    assertThatThrownBy(() -> ChangeWindows.parse("Mon 9-5 UTC", "CanaryRelease api spec.windows"))
        .hasMessageStartingWith("CanaryRelease api spec.windows entry 1 \"Mon 9-5 UTC\": ");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # written                                     | the message contains
      Mon-Fri 09:00-17:00                           | entry 1 "Mon-Fri 09:00-17:00": there is no time zone; write <days> <HH:mm>-<HH:mm> <zone>, e.g.
      Mon-Fri                                       | entry 1 "Mon-Fri": expected 3 parts separated by spaces (days, time range, zone), found 1; write <days>
      Mon - Fri 09:00-17:00 UTC                     | found 5; write <days> <HH:mm>-<HH:mm> <zone>
      Mon 09:00-17:00 UTC;; Tue 09:00-17:00 UTC     | entry 2 "": the entry is empty; separate entries with one ";", write <days>
      Mon 09:00-17:00 UTC; always                   | entry 2 "always": "always" stands alone; write either always or windows
      Mnday 09:00-17:00 UTC                         | entry 1 "Mnday 09:00-17:00 UTC": "Mnday" is not a day; write a day (Mon), a range (Mon-Fri) or a list (Mon,Wed,Fri) of Mon, Tue, Wed, Thu, Fri, Sat, Sun, e.g.
      Monday 09:00-17:00 UTC                        | "Monday" is not a day
      Mon-Fry 09:00-17:00 UTC                       | "Fry" is not a day
      Mon,,Fri 09:00-17:00 UTC                      | "Mon,,Fri" has an empty day in its list
      Mon-Mon 09:00-17:00 UTC                       | "Mon-Mon" starts and ends on the same day; write Mon for one day or Mon-Sun for the whole week
      Mon 0900-1700 UTC                             | "0900-1700" is not a time range; write HH:mm-HH:mm
      Mon 09:00 UTC                                 | "09:00" is not a time range
      Mon 09:75-17:00 UTC                           | "09:75" is not a time between 00:00 and 24:00; write HH:mm-HH:mm
      Mon 09:00-25:00 UTC                           | "25:00" is not a time between 00:00 and 24:00
      Mon 09:00-24:30 UTC                           | "24:30" is not a time between 00:00 and 24:00
      Mon 24:00-02:00 UTC                           | a window cannot start at 24:00; start at 00:00 of the next day
      Mon 09:00-09:00 UTC                           | "09:00-09:00" starts and ends at the same time; for a whole day write 00:00-24:00
      Mon 00:00-00:00 UTC                           | "00:00-00:00" starts and ends at the same time
      Mon 09:00-17:00 Asia/Shangai                  | entry 1 "Mon 09:00-17:00 Asia/Shangai": "Asia/Shangai" is not a time zone; write a zone ID such as UTC, Europe/Berlin, Asia/Shanghai or +08:00, e.g.
      Mon 09:00-17:00 +25:00                        | "+25:00" is not a time zone
      """)
  void eachMistakeSaysWhatAndHow(String written, String expected) {
    assertThatThrownBy(() -> ChangeWindows.parse(written))
        .isInstanceOf(InvalidWindowsException.class)
        .hasMessageStartingWith("canary.windows entry ")
        .hasMessageContaining(expected)
        .hasMessageEndingWith(EXAMPLE);
  }

  @Test
  void aLongEntryIsQuotedShort() {
    String essay = "Mon 09:00-17:00 " + "x".repeat(500);
    assertThatThrownBy(() -> ChangeWindows.parse(essay))
        .hasMessageContaining("\"" + "x".repeat(80) + "…\" is not a time zone");
  }

  @Test
  void recordsRefuseWhatTheGrammarRefuses() {
    List<Runnable> bad = List.of(
        () -> new ChangeWindow(EnumSet.noneOf(DayOfWeek.class), 0, 60, ZoneOffset.UTC),
        () -> new ChangeWindow(EnumSet.of(DayOfWeek.MONDAY), 1440, 60, ZoneOffset.UTC),
        () -> new ChangeWindow(EnumSet.of(DayOfWeek.MONDAY), 60, 1441, ZoneOffset.UTC),
        () -> new ChangeWindow(EnumSet.of(DayOfWeek.MONDAY), 60, 60, ZoneOffset.UTC));
    for (Runnable r : bad) {
      assertThatThrownBy(r::run).isInstanceOf(InvalidWindowsException.class);
    }
  }
}
