package dev.canarybot.analysis;

import dev.canarybot.release.Action;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.HistoryEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The stretch of time a release's chart covers: from its start entry to now, at most the last
 * {@link #LONGEST}, sampled every {@code step} so that a range query stays under
 * {@link #MAX_POINTS} points per series.
 *
 * @param releaseStart when the release started (may be before {@code from} when the span is cut)
 */
public record ChartSpan(Instant from, Instant to, Duration step, Instant releaseStart) {
  /** Longer than any step's observation; a day-old release at 100 % shows its recent hours. */
  public static final Duration LONGEST = Duration.ofHours(6);
  /** About one point per two pixels of a 900-pixel-wide plot. */
  public static final int MAX_POINTS = 400;
  /** Finer than a scrape interval adds nothing; a two-minute-old release still gets 24 points. */
  public static final Duration SHORTEST_STEP = Duration.ofSeconds(5);
  /** Without any history entry the chart shows what it showed before spans: half an hour. */
  static final Duration WITHOUT_HISTORY = Duration.ofMinutes(30);

  public static ChartSpan of(CanaryRelease release, Instant now) {
    Instant start = start(release, now);
    if (start.isAfter(now)) {
      start = now; // a clock behind the one that wrote the entry: an empty span, no chart
    }
    Instant earliest = now.minus(LONGEST);
    Instant from = start.isBefore(earliest) ? earliest : start;
    return new ChartSpan(from, now, step(Duration.between(from, now)), start);
  }

  /** The span's length, as {@code MetricsSource.history} takes it (ending now). */
  public Duration range() {
    return Duration.between(from, to);
  }

  /** True when the release started before the span: the chart shows only its last hours. */
  public boolean cut() {
    return releaseStart.isBefore(from);
  }

  /**
   * A whole number of seconds such that {@code range / step + 1 <= MAX_POINTS}: a range query
   * returns a point at the start and one every step up to the end.
   */
  static Duration step(Duration range) {
    long seconds = range.getSeconds() + (range.getNano() > 0 ? 1 : 0);
    long step = (seconds + MAX_POINTS - 2) / (MAX_POINTS - 1); // ceil(seconds / 399)
    return Duration.ofSeconds(Math.max(SHORTEST_STEP.getSeconds(), step));
  }

  /**
   * The newest start entry (the history also keeps earlier releases on the same route), else
   * the oldest entry kept, else when the step began.
   */
  private static Instant start(CanaryRelease release, Instant now) {
    List<HistoryEntry> history = release.status().history();
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).action() == Action.START) {
        return history.get(i).at();
      }
    }
    if (!history.isEmpty()) {
      return history.get(0).at();
    }
    Instant step = release.status().stepStartedAt();
    return step != null ? step : now.minus(WITHOUT_HISTORY);
  }
}
