package dev.canarybot.demo.traffic;

/**
 * How one simulated version behaves.
 *
 * @param errorRate share of requests answered 503 (0.05 = 5 %)
 * @param medianLatencyMs median request duration
 * @param latencySpread sigma of the log-normal around the median: 0 gives every request the
 *     median; 0.5 puts P95 at about 2.3 times the median
 */
public record VersionProfile(double errorRate, double medianLatencyMs, double latencySpread) {

  public VersionProfile {
    if (errorRate < 0 || errorRate > 1) {
      throw new IllegalArgumentException("errorRate must be within 0..1: " + errorRate);
    }
    if (medianLatencyMs <= 0 || latencySpread < 0) {
      throw new IllegalArgumentException("latency must be positive: " + medianLatencyMs + " ms, spread " + latencySpread);
    }
  }

  /** A version in good shape: no errors, 40 ms median. */
  public static VersionProfile healthy() {
    return new VersionProfile(0, 40, 0.5);
  }

  public VersionProfile withErrorRate(double rate) {
    return new VersionProfile(rate, medianLatencyMs, latencySpread);
  }

  public VersionProfile withMedianLatencyMs(double ms) {
    return new VersionProfile(errorRate, ms, latencySpread);
  }
}
