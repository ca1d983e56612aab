package dev.canarybot.analysis;

import java.time.Duration;
import java.time.Instant;

/**
 * Everything known about one release at one analysis tick.
 *
 * @param unavailable why the metrics source could not answer (e.g. Prometheus unreachable), or
 *     null when it answered; an unavailable snapshot is never healthy
 */
public record MetricSnapshot(
    Instant at, Duration window, VersionMetrics stable, VersionMetrics canary, String unavailable) {

  public boolean available() {
    return unavailable == null;
  }
}
