package dev.canarybot.release;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Change windows: the hours in which promotions are allowed.
 *
 * <p>Written as entries separated by {@code ;}, each {@code <days> <HH:mm>-<HH:mm> <zone>}:
 *
 * <pre>
 * Mon-Fri 09:00-17:00 Asia/Shanghai; Sat 10:00-12:00 Asia/Shanghai
 * </pre>
 *
 * <ul>
 *   <li><b>days</b>: one day ({@code Mon}), a range ({@code Mon-Fri}; a range may wrap past
 *       Sunday, {@code Fri-Mon} is Friday to Monday), or a comma list of days and ranges
 *       ({@code Mon,Wed,Fri}, {@code Mon-Wed,Fri}). Days are the English three-letter names
 *       {@code Mon Tue Wed Thu Fri Sat Sun}, in any case. {@code Mon-Sun} is every day.
 *   <li><b>time range</b>: {@code HH:mm-HH:mm} from 00:00 to 24:00, e.g. {@code 09:00-17:00}.
 *       The start is in the window, the end is not: {@code 09:00-17:00} is open at 09:00:00 and
 *       closed at 17:00:00. An end before the start runs past midnight into the next day:
 *       {@code Fri 22:00-02:00 Europe/Berlin} is the night from Friday to Saturday (Saturday
 *       22:00 is not in it). {@code 00:00-24:00} is the whole day; start and end may not be equal.
 *   <li><b>zone</b>: a time-zone ID ({@code UTC}, {@code Europe/Berlin}, {@code Asia/Shanghai},
 *       {@code America/New_York}) or a fixed offset ({@code +08:00}). Entries may use different
 *       zones; the windows are open when any entry is.
 *   <li>An empty expression, or {@code always}, means promotions are allowed at any time.
 * </ul>
 *
 * <p>A window is wall-clock time in its zone, also on the days the clocks change. On a
 * spring-forward day a window that starts in the skipped hour (02:30 in Europe/Berlin on the
 * last Sunday of March) opens at the first moment after it, 03:00 summer time; one that lies
 * wholly inside the skipped hour does not open that day. On a fall-back day the repeated hour is
 * lived twice, so a window inside it ({@code Sun 02:00-02:30 Europe/Berlin}) opens twice that
 * night, and one across it ({@code Sun 01:00-04:00 Europe/Berlin}) lasts four real hours.
 *
 * <p>A mistake names the entry, says what is wrong and shows the right form, e.g. {@code
 * canary.windows entry 2 "Sat 10-12 Asia/Shanghai": "10-12" is not a time range; write
 * HH:mm-HH:mm, e.g. "Mon-Fri 09:00-17:00 Asia/Shanghai; Sat 10:00-12:00 UTC"}.
 *
 * <p>Outside the windows a promotion is refused with the next opening: "outside the change
 * windows (Mon-Fri 09:00-17:00 Asia/Shanghai); next window opens Mon 09:00 Asia/Shanghai, in
 * 14 h".
 */
public record ChangeWindows(List<ChangeWindow> entries) {
  static final String ALWAYS_WORD = "always";
  public static final ChangeWindows ALWAYS = new ChangeWindows(List.of());

  /** The search looks a week at a time, for a little over a year. */
  private static final Duration CHUNK = Duration.ofDays(7);
  private static final int MAX_CHUNKS = 54;

  public ChangeWindows {
    entries = List.copyOf(entries);
  }

  /** Parses the {@code canary.windows} setting; null, blank and "always" mean no restriction. */
  public static ChangeWindows parse(String text) {
    return parse(text, "canary.windows");
  }

  /**
   * Parses an expression whose errors name {@code source} (the setting or the field it came
   * from, e.g. "canary.windows" or "CanaryRelease api spec.windows").
   */
  public static ChangeWindows parse(String text, String source) {
    return ChangeWindowsParser.parse(text, source);
  }

  /** True when there are no windows, so every instant is open. */
  public boolean isAlways() {
    return entries.isEmpty();
  }

  /** Whether a promotion at {@code at} is inside a window. */
  public boolean isOpen(Instant at) {
    return isAlways() || entries.stream().anyMatch(w -> w.isOpen(at));
  }

  /**
   * The earliest instant at or after {@code at} that is inside a window: {@code at} itself when
   * a window is open now (ask {@link #closesAt} when it ends). Empty when there are no windows
   * (always open), or when no window opens within a year, which only a zone whose clocks skip
   * every window could cause.
   */
  public Optional<Instant> nextOpening(Instant at) {
    if (isAlways()) {
      return Optional.empty();
    }
    if (isOpen(at)) {
      return Optional.of(at);
    }
    return firstAfter(at, true);
  }

  /**
   * While a window is open at {@code at}, the first instant after it that is outside every
   * window (back-to-back or overlapping windows count as one). Empty when closed at {@code at},
   * when there are no windows, or when the windows never close within a year.
   */
  public Optional<Instant> closesAt(Instant at) {
    if (isAlways() || !isOpen(at)) {
      return Optional.empty();
    }
    return firstAfter(at, false);
  }

  /**
   * Why a promotion at {@code at} is refused, with the next opening in the zone of the window
   * that opens: "outside the change windows (Mon-Fri 09:00-17:00 Asia/Shanghai); next window
   * opens Mon 09:00 Asia/Shanghai, in 14 h". Empty when a window is open.
   */
  public Optional<String> refusal(Instant at) {
    if (isOpen(at)) {
      return Optional.empty();
    }
    String outside = "outside the change windows (" + describe() + ")";
    Optional<Instant> next = nextOpening(at);
    if (next.isEmpty()) {
      return Optional.of(outside + "; no window opens within a year");
    }
    Instant opens = next.get();
    ChangeWindow opening = entries.stream().filter(w -> w.isOpen(opens)).findFirst().orElseThrow();
    ZonedDateTime local = opens.atZone(opening.zone());
    return Optional.of(outside + "; next window opens " + ChangeWindow.dayName(local.getDayOfWeek())
        + " " + ChangeWindow.clock(local.getHour() * 60 + local.getMinute()) + " "
        + opening.zone().getId() + ", in " + TimeText.roughly(Duration.between(at, opens)));
  }

  /** The normalized expression, which parses back to an equal value; "always" when none. */
  public String describe() {
    if (isAlways()) {
      return ALWAYS_WORD;
    }
    return entries.stream().map(ChangeWindow::describe).collect(Collectors.joining("; "));
  }

  /**
   * The first boundary after {@code at} where being open equals {@code open}. Openness only
   * changes at a boundary of some entry, so checking the boundaries in order is exact.
   */
  private Optional<Instant> firstAfter(Instant at, boolean open) {
    for (int chunk = 0; chunk < MAX_CHUNKS; chunk++) {
      Instant from = at.plus(CHUNK.multipliedBy(chunk));
      Instant to = from.plus(CHUNK);
      TreeSet<Instant> candidates = new TreeSet<>();
      for (ChangeWindow w : entries) {
        candidates.addAll(w.boundaries(from, to));
      }
      for (Instant c : candidates) {
        if (c.isAfter(at) && isOpen(c) == open) {
          return Optional.of(c);
        }
      }
    }
    return Optional.empty();
  }
}
