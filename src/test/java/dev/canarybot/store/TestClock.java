package dev.canarybot.store;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * A fixed clock for the store's Quarkus tests. A default bean, so it steps aside once the
 * application's own Clock producer exists.
 */
public class TestClock {
  @Produces
  @Singleton
  @DefaultBean
  Clock clock() {
    return Clock.fixed(Releases.T0.plusSeconds(3600), ZoneOffset.UTC);
  }
}
