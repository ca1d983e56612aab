package dev.canarybot.demo;

import dev.canarybot.metrics.PrometheusConfig;
import dev.canarybot.metrics.PrometheusMetricsSource;
import dev.canarybot.service.MetricsSource;
import dev.canarybot.service.PodHealthReader;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Chooses the metrics source when the app starts, not when it is built: the packaged app is
 * built once (prod profile) and may run as the demo. Prometheus whenever PROMETHEUS_URL is set
 * or the demo is off; the in-process simulator only in the demo without a Prometheus.
 */
public class MetricsSourceChoice {
  private static final Logger LOG = Logger.getLogger(MetricsSourceChoice.class);

  @Produces
  @Singleton
  MetricsSource metrics(DemoConfig demo, PrometheusConfig prometheus, Instance<PrometheusMetricsSource> real,
      Instance<DemoTraffic> traffic, PodHealthReader pods, Clock clock) {
    if (demo.enabled() && prometheus.url().isEmpty()) {
      LOG.info("demo: canary metrics come from the in-process traffic simulator (set PROMETHEUS_URL to use a Prometheus)");
      return new SimulatorMetricsSource(traffic.get(), pods, clock);
    }
    return real.get();
  }
}
