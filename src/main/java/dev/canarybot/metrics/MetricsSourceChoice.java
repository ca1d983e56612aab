package dev.canarybot.metrics;

import dev.canarybot.service.port.MetricsSource;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Chooses the metrics source when the app starts, not when it is built: the packaged app is
 * built once (prod profile) and may run as the demo. Prometheus whenever PROMETHEUS_URL is set;
 * a stand-in only when one is present (the demo's, which exists only with the demo on) and no
 * Prometheus is configured.
 */
public class MetricsSourceChoice {
  private static final Logger LOG = Logger.getLogger(MetricsSourceChoice.class);

  @Produces
  @Singleton
  MetricsSource metrics(PrometheusConfig prometheus, Instance<PrometheusMetricsSource> real,
      Instance<StandInMetricsSource> standIn) {
    if (prometheus.url().isEmpty() && standIn.isResolvable()) {
      StandInMetricsSource chosen = standIn.get();
      LOG.infof("canary metrics come from %s (set PROMETHEUS_URL to use a Prometheus)", chosen.describe());
      return chosen;
    }
    return real.get();
  }
}
