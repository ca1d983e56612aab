package dev.canarybot.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it: observation windows without waiting. */
public final class MutableClock extends Clock {
  /** Where every Quarkus test starts: 2025-03-04T11:00:00Z. */
  public static final Instant START = Instant.parse("2025-03-04T11:00:00Z");

  private volatile Instant now = START;

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }

  public void set(Instant instant) {
    now = instant;
  }

  public void advance(Duration by) {
    now = now.plus(by);
  }
}
