package dev.canarybot.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** In every Quarkus test the application's clock is a {@link MutableClock}. */
public class TestClockProducer {
  private static final MutableClock CLOCK = new MutableClock();

  @Produces
  @Singleton
  @Alternative
  @Priority(1)
  Clock clock() {
    return CLOCK;
  }

  @Produces
  @Singleton
  MutableClock mutableClock() {
    return CLOCK;
  }
}
