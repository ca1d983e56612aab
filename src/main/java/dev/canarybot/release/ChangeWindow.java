package dev.canarybot.release;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One entry of {@link ChangeWindows}: on each of {@code days}, from {@code startMinute} to
 * {@code endMinute} (minutes after local midnight) on the wall clock of {@code zone}. An end
 * before the start runs past midnight into the next day; an end of 1440 is 24:00.
 */
public record ChangeWindow(Set<DayOfWeek> days, int startMinute, int endMinute, ZoneId zone) {
  static final int DAY_MINUTES = 24 * 60;

  public ChangeWindow {
    if (days == null || days.isEmpty()) {
      throw new InvalidWindowsException("a change window needs at least one day");
    }
    // An EnumSet keeps Mon..Sun order for describe(); the wrapper keeps the record immutable.
    days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    if (startMinute < 0 || startMinute >= DAY_MINUTES) {
      throw new InvalidWindowsException("a change window starts between 00:00 and 23:59, got "
          + startMinute + " minutes");
    }
    if (endMinute < 0 || endMinute > DAY_MINUTES) {
      throw new InvalidWindowsException("a change window ends between 00:00 and 24:00, got "
          + endMinute + " minutes");
    }
    // "22:00-00:00" and "22:00-24:00" are the same window; keep one form so equals holds.
    if (endMinute == 0 && startMinute > 0) {
      endMinute = DAY_MINUTES;
    }
    if (endMinute == startMinute) {
      throw new InvalidWindowsException("a change window cannot start and end at the same time");
    }
  }

  /** True when the window runs past midnight into the day after each of its days. */
  public boolean overnight() {
    return endMinute < startMinute;
  }

  /** Whether the wall clock of the zone at {@code at} is inside this window. */
  public boolean isOpen(Instant at) {
    LocalDateTime local = LocalDateTime.ofInstant(at, zone);
    long nanos = local.toLocalTime().toNanoOfDay();
    long start = minutesToNanos(startMinute);
    long end = minutesToNanos(endMinute);
    DayOfWeek day = local.getDayOfWeek();
    if (!overnight()) {
      return days.contains(day) && start <= nanos && nanos < end;
    }
    return (days.contains(day) && nanos >= start)
        || (days.contains(day.minus(1)) && nanos < end);
  }

  /**
   * Every instant in [from, to) at which this window may open or close: where the wall clock
   * reads the start or the end time on any date, or where the zone's offset changes. Between two
   * of them whether the window is open stays the same, which is what makes the search exact.
   */
  List<Instant> boundaries(Instant from, Instant to) {
    ZoneRules rules = zone.getRules();
    List<Instant> found = new ArrayList<>();
    LocalDate first = LocalDate.ofInstant(from, zone).minusDays(1);
    LocalDate last = LocalDate.ofInstant(to, zone).plusDays(1);
    LocalTime start = LocalTime.ofSecondOfDay(startMinute * 60L);
    LocalTime end = LocalTime.ofSecondOfDay((endMinute % DAY_MINUTES) * 60L);
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      addInstantsOf(d.atTime(start), rules, found);
      addInstantsOf(d.atTime(end), rules, found);
    }
    for (ZoneOffsetTransition t = rules.nextTransition(from.minusNanos(1));
        t != null && t.getInstant().isBefore(to); t = rules.nextTransition(t.getInstant())) {
      found.add(t.getInstant());
    }
    found.removeIf(i -> i.isBefore(from) || !i.isBefore(to));
    return found;
  }

  /**
   * The instants at which the wall clock reads {@code wall}: one usually, two in the hour a
   * fall-back repeats, and in a skipped hour the first instant after it (the transition).
   */
  private static void addInstantsOf(LocalDateTime wall, ZoneRules rules, List<Instant> into) {
    List<ZoneOffset> offsets = rules.getValidOffsets(wall);
    if (offsets.isEmpty()) {
      into.add(rules.getTransition(wall).getInstant());
      return;
    }
    for (ZoneOffset offset : offsets) {
      into.add(wall.toInstant(offset));
    }
  }

  /** "Mon-Fri 09:00-17:00 Asia/Shanghai". */
  public String describe() {
    return describeDays(days) + " " + clock(startMinute) + "-" + clock(endMinute) + " "
        + zone.getId();
  }

  /** "Mon", "Mon-Fri", "Fri-Mon", "Mon,Wed,Fri": runs of consecutive days, Monday first. */
  static String describeDays(Set<DayOfWeek> days) {
    if (days.size() == 7) {
      return "Mon-Sun";
    }
    List<String> runs = new ArrayList<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      // A run begins at a day whose previous day is not in the set; it wraps past Sunday.
      if (!days.contains(d) || days.contains(d.minus(1))) {
        continue;
      }
      DayOfWeek last = d;
      while (days.contains(last.plus(1))) {
        last = last.plus(1);
      }
      runs.add(last == d ? dayName(d) : dayName(d) + "-" + dayName(last));
    }
    return String.join(",", runs);
  }

  static String dayName(DayOfWeek d) {
    return d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
  }

  static String clock(int minutes) {
    return String.format("%02d:%02d", minutes / 60, minutes % 60);
  }

  private static long minutesToNanos(int minutes) {
    return minutes * 60L * 1_000_000_000L;
  }
}
