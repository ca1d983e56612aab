package dev.canarybot.testing;

import dev.canarybot.demo.traffic.MetricsExporter;
import dev.canarybot.demo.traffic.SimulatedService;
import dev.canarybot.demo.traffic.TrafficSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The example app's traffic, simulated and scraped by a real Prometheus every second, started
 * before Quarkus so the bot's PROMETHEUS_URL points at it.
 */
public class SimulatedMesh implements QuarkusTestResourceLifecycleManager {
  public static final String HOST = "api-service.default.svc.cluster.local";
  /** The canary weight the simulated clients see; tests move it as the route moves. */
  public static final AtomicInteger CANARY_WEIGHT = new AtomicInteger(10);

  private static TrafficSimulator simulator;
  private static SimulatedService api;
  private static MetricsExporter exporter;
  private static ScheduledExecutorService ticker;
  private static PrometheusServer prometheus;

  public static SimulatedService api() {
    return api;
  }

  public static PrometheusServer prometheus() {
    return prometheus;
  }

  @Override
  public Map<String, String> start() {
    simulator = new TrafficSimulator(7);
    api = simulator.add(new SimulatedService(HOST, "v1", "v2", CANARY_WEIGHT::get, 5));
    try {
      exporter = MetricsExporter.start(simulator);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    ticker = Executors.newSingleThreadScheduledExecutor();
    ticker.scheduleAtFixedRate(() -> simulator.tick(Duration.ofMillis(100)), 0, 100, TimeUnit.MILLISECONDS);
    prometheus = PrometheusServer.start(List.of(exporter.target()), Duration.ofSeconds(1));
    prometheus.awaitScrapes(3, Duration.ofSeconds(30));
    return Map.of("canary.prometheus.url", prometheus.url().toString());
  }

  @Override
  public void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
    if (ticker != null) {
      ticker.shutdownNow();
    }
    if (exporter != null) {
      exporter.close();
    }
  }
}
