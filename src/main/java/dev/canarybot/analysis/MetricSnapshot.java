package dev.canarybot.analysis;

import dev.canarybot.release.CanaryRelease;
import java.time.Duration;
import java.time.Instant;

/**
 * Everything known about one release at one analysis tick.
 *
 * @param unavailable why the metrics source could not answer (e.g. Prometheus unreachable), or
 *     null when it answered; an unavailable snapshot is never healthy
 * @param recent the canary's errors over a shorter, fresher span than {@code window}, or null
 *     when the source did not measure one (the window is short already, or it cannot)
 */
public record MetricSnapshot(
    Instant at, Duration window, VersionMetrics stable, VersionMetrics canary, String unavailable,
    RecentErrors recent) {

  /** A snapshot of the window alone. */
  public MetricSnapshot(Instant at, Duration window, VersionMetrics stable, VersionMetrics canary, String unavailable) {
    this(at, window, stable, canary, unavailable, null);
  }

  /** A snapshot without numbers for the release, because the source could not answer {@code why}. */
  public static MetricSnapshot unavailableFor(CanaryRelease r, Instant at, Duration window, String why) {
    return new MetricSnapshot(at, window, VersionMetrics.empty(r.target().stableSubset()),
        VersionMetrics.empty(r.target().canarySubset()), why);
  }

  public boolean available() {
    return unavailable == null;
  }
}
