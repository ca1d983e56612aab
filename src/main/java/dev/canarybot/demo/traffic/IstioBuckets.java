package dev.canarybot.demo.traffic;

import java.util.List;

/** The bucket bounds Istio gives {@code istio_request_duration_milliseconds} by default. */
public final class IstioBuckets {
  public static final List<Double> BOUNDS_MS = List.of(0.5, 1.0, 5.0, 10.0, 25.0, 50.0, 100.0, 250.0,
      500.0, 1000.0, 2500.0, 5000.0, 10000.0, 30000.0, 60000.0, 300000.0, 600000.0, 1800000.0, 3600000.0);

  private IstioBuckets() {}
}
