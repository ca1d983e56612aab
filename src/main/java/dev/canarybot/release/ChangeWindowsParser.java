package dev.canarybot.release;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the text of {@link ChangeWindows}; every error names the entry and the right form. */
final class ChangeWindowsParser {
  static final String EXAMPLE = "\"Mon-Fri 09:00-17:00 Asia/Shanghai; Sat 10:00-12:00 UTC\"";
  private static final String FORM = "write <days> <HH:mm>-<HH:mm> <zone>, e.g. " + EXAMPLE;
  private static final String DAYS_FORM = "write a day (Mon), a range (Mon-Fri) or a list "
      + "(Mon,Wed,Fri) of Mon, Tue, Wed, Thu, Fri, Sat, Sun, e.g. " + EXAMPLE;
  private static final String TIME_FORM = "write HH:mm-HH:mm, e.g. " + EXAMPLE;
  private static final String ZONE_FORM = "write a zone ID such as UTC, Europe/Berlin, "
      + "Asia/Shanghai or +08:00, e.g. " + EXAMPLE;
  private static final Pattern TIME_RANGE =
      Pattern.compile("(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})");
  private static final int QUOTE_LIMIT = 80;

  private final String source;

  private ChangeWindowsParser(String source) {
    this.source = source;
  }

  static ChangeWindows parse(String text, String source) {
    return new ChangeWindowsParser(source).parse(text);
  }

  private ChangeWindows parse(String text) {
    if (text == null || text.isBlank() || text.trim().equalsIgnoreCase(ChangeWindows.ALWAYS_WORD)) {
      return ChangeWindows.ALWAYS;
    }
    String[] parts = text.split(";", -1);
    // A trailing ";" is a common habit in lists and harmless, so it is not an empty entry.
    int count = parts.length;
    if (count > 1 && parts[count - 1].isBlank()) {
      count--;
    }
    List<ChangeWindow> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      entries.add(entry(i + 1, parts[i].trim()));
    }
    return new ChangeWindows(entries);
  }

  private ChangeWindow entry(int number, String entry) {
    if (entry.isEmpty()) {
      throw fail(number, entry, "the entry is empty; separate entries with one \";\", " + FORM);
    }
    if (entry.equalsIgnoreCase(ChangeWindows.ALWAYS_WORD)) {
      throw fail(number, entry, "\"always\" stands alone; write either always or windows, e.g. "
          + EXAMPLE);
    }
    String[] tokens = entry.split("\\s+");
    if (tokens.length == 2 && TIME_RANGE.matcher(tokens[1]).matches()) {
      throw fail(number, entry, "there is no time zone; " + FORM);
    }
    if (tokens.length != 3) {
      throw fail(number, entry, "expected 3 parts separated by spaces (days, time range, zone), "
          + "found " + tokens.length + "; " + FORM);
    }
    Set<DayOfWeek> days = days(number, entry, tokens[0]);
    Matcher m = TIME_RANGE.matcher(tokens[1]);
    if (!m.matches()) {
      throw fail(number, entry, quote(tokens[1]) + " is not a time range; " + TIME_FORM);
    }
    int start = minutes(number, entry, m.group(1), m.group(2));
    int end = minutes(number, entry, m.group(3), m.group(4));
    if (start == ChangeWindow.DAY_MINUTES) {
      throw fail(number, entry, "a window cannot start at 24:00; start at 00:00 of the next day, "
          + TIME_FORM);
    }
    if (start == end) {
      throw fail(number, entry, quote(tokens[1]) + " starts and ends at the same time; for a whole "
          + "day write 00:00-24:00, " + TIME_FORM);
    }
    ZoneId zone = zone(number, entry, tokens[2]);
    return new ChangeWindow(days, start, end, zone);
  }

  private Set<DayOfWeek> days(int number, String entry, String text) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String item : text.split(",", -1)) {
      if (item.isEmpty()) {
        throw fail(number, entry, quote(text) + " has an empty day in its list; " + DAYS_FORM);
      }
      int dash = item.indexOf('-');
      if (dash < 0) {
        days.add(day(number, entry, item));
        continue;
      }
      DayOfWeek from = day(number, entry, item.substring(0, dash));
      DayOfWeek to = day(number, entry, item.substring(dash + 1));
      if (from == to) {
        throw fail(number, entry, quote(item) + " starts and ends on the same day; write "
            + ChangeWindow.dayName(from) + " for one day or Mon-Sun for the whole week, e.g. "
            + EXAMPLE);
      }
      // A range may wrap past Sunday: Fri-Mon is Fri, Sat, Sun, Mon.
      for (DayOfWeek d = from; d != to; d = d.plus(1)) {
        days.add(d);
      }
      days.add(to);
    }
    return days;
  }

  private DayOfWeek day(int number, String entry, String text) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (ChangeWindow.dayName(d).equalsIgnoreCase(text)) {
        return d;
      }
    }
    throw fail(number, entry, quote(text) + " is not a day; " + DAYS_FORM);
  }

  private int minutes(int number, String entry, String hours, String minutes) {
    int h = Integer.parseInt(hours);
    int m = Integer.parseInt(minutes);
    if (h > 24 || m > 59 || (h == 24 && m > 0)) {
      throw fail(number, entry, quote(hours + ":" + minutes) + " is not a time between 00:00 and "
          + "24:00; " + TIME_FORM);
    }
    return h * 60 + m;
  }

  private ZoneId zone(int number, String entry, String text) {
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      // Region IDs are case-sensitive in java.time; people type "utc" or "europe/berlin".
      for (String id : ZoneId.getAvailableZoneIds()) {
        if (id.equalsIgnoreCase(text)) {
          return ZoneId.of(id);
        }
      }
      throw fail(number, entry, quote(text) + " is not a time zone; " + ZONE_FORM);
    }
  }

  private InvalidWindowsException fail(int number, String entry, String problem) {
    return new InvalidWindowsException(source + " entry " + number + " " + quote(entry) + ": "
        + problem);
  }

  /** Quotes what a person typed, cut short so a pasted essay cannot flood a log line. */
  private static String quote(String text) {
    String shown = text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "…" : text;
    return "\"" + shown + "\"";
  }
}
