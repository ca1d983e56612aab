package dev.canarybot.analysis;

import dev.canarybot.release.TimeText;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The span every judgement of a release is taken over: its own step's traffic only. After a
 * promotion, a window reaching back before the step would still hold the previous weights and
 * report a split or an error rate the canary no longer has.
 */
public final class StepWindow {
  private StepWindow() {}

  /**
   * {@code min(configured, time since the step began less one scrape interval)}, rounded down to
   * whole scrape intervals; empty while that leaves fewer than two scrapes of the step's own
   * traffic ("not enough data yet", never a finding). One scrape interval is given up because
   * the first sample after the change can still count requests made before it, and a rate needs
   * two samples in its range.
   */
  public static Optional<Duration> of(Duration configured, Instant stepStartedAt, Instant now,
      Duration scrape) {
    if (scrape.isZero() || scrape.isNegative()) {
      throw new IllegalArgumentException("scrape interval must be positive, was " + scrape);
    }
    Duration usable = Duration.between(stepStartedAt, now).minus(scrape);
    if (usable.compareTo(configured) >= 0) {
      return Optional.of(configured);
    }
    long whole = usable.toMillis() / scrape.toMillis();
    return whole < 2 ? Optional.empty() : Optional.of(scrape.multipliedBy(whole));
  }

  /**
   * The fresh span beside {@code window} ({@link RecentErrors}): the configured one in whole
   * scrape intervals, at least two; empty when it would not be shorter than the window itself,
   * which is then fresh enough.
   */
  public static Optional<Duration> recent(Duration configured, Duration window, Duration scrape) {
    if (scrape.isZero() || scrape.isNegative()) {
      throw new IllegalArgumentException("scrape interval must be positive, was " + scrape);
    }
    Duration whole = scrape.multipliedBy(Math.max(2, configured.toMillis() / scrape.toMillis()));
    return whole.compareTo(window) < 0 ? Optional.of(whole) : Optional.empty();
  }

  /** Why a release has no window yet, for the verdict and the summary. */
  public static String tooYoung(Instant stepStartedAt, Instant now, Duration scrape) {
    return "not enough data yet: this step began " + TimeText.duration(Duration.between(stepStartedAt, now))
        + " ago, and is judged on its own traffic once that spans two scrape intervals of "
        + TimeText.duration(scrape) + " after the first";
  }
}
