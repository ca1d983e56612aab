package dev.canarybot.demo.slackapi;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Message timestamps like Slack's ("1700000000.000100"): seconds and microseconds from the
 * clock, bumped so each is unique and increasing even when the clock stands still.
 */
final class SlackTimestamps {

  private final Clock clock;
  private long lastMicros;

  SlackTimestamps(Clock clock) {
    this.clock = clock;
  }

  synchronized String next() {
    long now = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
    lastMicros = Math.max(now, lastMicros + 100);
    return String.format("%d.%06d", lastMicros / 1_000_000, lastMicros % 1_000_000);
  }
}
