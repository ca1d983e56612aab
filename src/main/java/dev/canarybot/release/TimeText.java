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
}
