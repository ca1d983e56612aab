package dev.canarybot.release;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How times and durations read in messages: UTC clock times and short durations. */
public final class TimeText {
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private TimeText() {}

  /** "10:02 UTC". */
  public static String clock(Instant at) {
    return CLOCK.format(at);
  }

  /** "1h05m", "12m", "40s". */
  public static String duration(Duration d) {
    long seconds = Math.max(0, d.getSeconds());
    long h = seconds / 3600;
    long m = (seconds % 3600) / 60;
    long s = seconds % 60;
    if (h > 0) {
      return String.format("%dh%02dm", h, m);
    }
    if (m > 0) {
      return m + "m";
    }
    return s + "s";
  }

  /**
   * A distance rounded for people: "25 min" (minutes rounded up), "2 h 15 min" under 10 h,
   * "14 h" under two days (nearest hour), then "2 d 17 h".
   */
  public static String roughly(Duration d) {
    long seconds = Math.max(0, d.getSeconds() + (d.getNano() > 0 ? 1 : 0));
    long minutes = (seconds + 59) / 60;
    if (minutes < 60) {
      return minutes + " min";
    }
    if (minutes < 10 * 60) {
      long m = minutes % 60;
      return minutes / 60 + " h" + (m == 0 ? "" : " " + m + " min");
    }
    long hours = (minutes + 30) / 60;
    if (hours < 48) {
      return hours + " h";
    }
    long h = hours % 24;
    return hours / 24 + " d" + (h == 0 ? "" : " " + h + " h");
  }
}
