package dev.canarybot.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random instants (fixed seed) against a brute-force reading of the definition: an instant is
 * open when, for some entry and some date D among its days, the entry's wall clock lies in
 * [D start, end), the end on D or, past midnight, on D + 1. Half the instants fall within three
 * days of a clock change of one of the expression's zones.
 */
class ChangeWindowsPropertyTest {
  private static final long SEED = 20250330L;
  private static final int INSTANTS = 60;
  private static final Instant FROM = Instant.parse("2011-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2027-01-01T00:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "Mon-Fri 09:00-17:00 Asia/Shanghai; Sat 10:00-12:00 Asia/Shanghai",
      "Mon-Fri 09:00-17:00 Europe/Berlin",
      // starts in Berlin's skipped hour; ends in New York's repeated hour
      "Sun 02:30-04:00 Europe/Berlin; Sun 01:00-01:30 America/New_York",
      "Fri 22:00-02:00 Europe/Berlin; Sun 22:00-06:00 UTC",
      "Fri-Mon 10:00-16:00 America/New_York; Wed 00:00-24:00 +05:30",
      "Sun 02:00-02:30 Europe/Berlin; Sat 20:00-24:00 UTC; Sun 00:00-01:15 UTC",
      // Lord Howe moves its clocks by 30 minutes; Apia skipped Friday 30 December 2011
      "Mon,Wed,Sun 23:30-02:15 Australia/Lord_Howe; Fri 10:00-12:00 Pacific/Apia",
      "Tue 09:00-10:00 Asia/Kolkata; Thu 18:00-03:00 America/Sao_Paulo; Sat 01:00-03:00 Europe/London",
  })
  void agreesWithTheDefinition(String expression) {
    ChangeWindows windows = ChangeWindows.parse(expression);
    Random random = new Random(SEED ^ expression.hashCode());
    List<Instant> changes = clockChanges(windows);
    for (int i = 0; i < INSTANTS; i++) {
      Instant change = changes.isEmpty() ? null : changes.get(random.nextInt(changes.size()));
      Instant t = i % 2 == 0 || change == null
          ? uniform(random, FROM, TO)
          : uniform(random, change.minus(Duration.ofDays(3)), change.plus(Duration.ofDays(3)));
      checkAt(windows, t);
    }
  }

  /**
   * Every minute from two days before to two days after each clock change of 2011 (Apia's
   * skipped day included): open or not as the definition says, and the next opening and the
   * closing are the first such minute of the scan (offsets are whole minutes, so they fall on one).
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      // New York reopens when its clocks turn back from 02:00 to 01:00, not at a written time
      "Sun 02:30-04:00 Europe/Berlin; Sun 00:30-01:30 America/New_York",
      "Mon,Wed,Sun 23:30-02:15 Australia/Lord_Howe; Fri 10:00-12:00 Pacific/Apia",
  })
  void everyMinuteAroundTheClockChanges(String expression) {
    ChangeWindows windows = ChangeWindows.parse(expression);
    for (Instant change : clockChanges(windows)) {
      if (change.isBefore(Instant.parse("2011-03-01T00:00:00Z"))
          || change.isAfter(Instant.parse("2012-01-15T00:00:00Z"))) {
        continue;
      }
      List<Instant> minutes = new ArrayList<>();
      Instant end = change.plus(Duration.ofDays(2));
      for (Instant m = change.minus(Duration.ofDays(2)); m.isBefore(end); m = m.plus(MINUTE)) {
        minutes.add(m);
      }
      boolean[] open = new boolean[minutes.size()];
      for (int i = 0; i < open.length; i++) {
        open[i] = bruteOpen(windows, minutes.get(i));
        Instant m = minutes.get(i);
        assertThat(windows.isOpen(m)).as("open at %s", m).isEqualTo(open[i]);
      }
      // Walk back from the end: the first minute of the scan, at or after i, that is open / closed.
      Instant nextOpen = null;
      Instant nextClosed = null;
      for (int i = open.length - 1; i >= 0; i--) {
        Instant m = minutes.get(i);
        if (open[i]) {
          nextOpen = m;
          if (nextClosed != null) {
            assertThat(windows.closesAt(m)).as("closes at, from %s", m).contains(nextClosed);
          }
        } else {
          nextClosed = m;
          if (nextOpen != null) {
            assertThat(windows.nextOpening(m)).as("next opening from %s", m).contains(nextOpen);
          }
        }
      }
    }
  }

  private static void checkAt(ChangeWindows windows, Instant t) {
    boolean open = bruteOpen(windows, t);
    assertThat(windows.isOpen(t)).as("open at %s", t).isEqualTo(open);

    Instant next = windows.nextOpening(t).orElseThrow();
    assertThat(next).as("next opening after %s", t).isAfterOrEqualTo(t);
    assertThat(bruteOpen(windows, next)).as("open at the next opening %s (from %s)", next, t)
        .isTrue();
    if (next.isAfter(t)) {
      assertThat(bruteOpen(windows, next.minusNanos(1))).as("closed just before %s", next)
          .isFalse();
    }
    for (Instant m = t.plus(MINUTE); m.isBefore(next); m = m.plus(MINUTE)) {
      assertThat(bruteOpen(windows, m)).as("closed at %s, before %s (from %s)", m, next, t)
          .isFalse();
    }

    if (!open) {
      assertThat(windows.closesAt(t)).as("closes at, while closed at %s", t).isEmpty();
      return;
    }
    assertThat(next).isEqualTo(t);
    Instant close = windows.closesAt(t).orElseThrow();
    assertThat(close).isAfter(t);
    assertThat(bruteOpen(windows, close)).as("closed at %s (from %s)", close, t).isFalse();
    assertThat(bruteOpen(windows, close.minusNanos(1))).as("open just before %s", close).isTrue();
    for (Instant m = t.plus(MINUTE); m.isBefore(close); m = m.plus(MINUTE)) {
      assertThat(bruteOpen(windows, m)).as("open at %s, before %s (from %s)", m, close, t).isTrue();
    }
  }

  /** The definition itself, by local date-times rather than by minutes of the day. */
  private static boolean bruteOpen(ChangeWindows windows, Instant at) {
    for (ChangeWindow w : windows.entries()) {
      LocalDateTime wall = LocalDateTime.ofInstant(at, w.zone());
      for (LocalDate d = wall.toLocalDate().minusDays(1); !d.isAfter(wall.toLocalDate());
          d = d.plusDays(1)) {
        if (!w.days().contains(d.getDayOfWeek())) {
          continue;
        }
        LocalDateTime start = d.atStartOfDay().plusMinutes(w.startMinute());
        LocalDate endDay = w.endMinute() > w.startMinute() ? d : d.plusDays(1);
        LocalDateTime end = endDay.atStartOfDay().plusMinutes(w.endMinute());
        if (!wall.isBefore(start) && wall.isBefore(end)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<Instant> clockChanges(ChangeWindows windows) {
    List<Instant> found = new ArrayList<>();
    for (ChangeWindow w : windows.entries()) {
      ZoneRules rules = w.zone().getRules();
      for (ZoneOffsetTransition t = rules.nextTransition(FROM);
          t != null && t.getInstant().isBefore(TO); t = rules.nextTransition(t.getInstant())) {
        found.add(t.getInstant());
      }
    }
    return found;
  }

  /** A random instant in [from, to), to the nanosecond half the time, else on a whole minute. */
  private static Instant uniform(Random random, Instant from, Instant to) {
    long span = Duration.between(from, to).toMinutes();
    Instant minute = from.plus(Duration.ofMinutes(Math.floorMod(random.nextLong(), span)));
    long nanos = Math.floorMod(random.nextLong(), 60_000_000_000L);
    return random.nextBoolean() ? minute : minute.plusNanos(nanos);
  }
}
