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
  private volatile boolean system;

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
    return system ? Clock.systemUTC().instant() : now;
  }

  /** Stands still at {@code instant} from now on. */
  public void set(Instant instant) {
    system = false;
    now = instant;
  }

  /** Runs with the wall clock, for tests against a real Prometheus, which lives in real time. */
  public void followSystemTime() {
    system = true;
  }

  public void advance(Duration by) {
    now = instant().plus(by);
    system = false;
  }
}
