package dev.canarybot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.canarybot.analysis.LatencyStatistics;
import dev.canarybot.analysis.MetricSnapshot;
import dev.canarybot.analysis.PodHealth;
import dev.canarybot.analysis.VersionMetrics;
import dev.canarybot.demo.traffic.MetricsExporter;
import dev.canarybot.demo.traffic.SimulatedService;
import dev.canarybot.demo.traffic.TrafficSimulator;
import dev.canarybot.demo.traffic.VersionProfile;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.release.StartFacts;
import dev.canarybot.testing.PrometheusServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus source against Debian's real Prometheus scraping the traffic simulator. Absolute
 * rates are low while Prometheus is seconds old, so the checks are on ratios and quantiles.
 */
class PrometheusMetricsSourceIntegrationTest {
  static final ReleaseTarget API = QueryTemplatesTest.API;
  static final ReleaseTarget CART = QueryTemplatesTest.SHOP;
  static final PodHealth PODS = new PodHealth(3, 3, 0, 0);
  static final Duration WINDOW = Duration.ofSeconds(30);

  static TrafficSimulator simulator;
  static SimulatedService api;
  static SimulatedService cart;
  static MetricsExporter exporter;
  static ScheduledExecutorService ticker;
  static PrometheusServer prometheus;

  @BeforeAll
  static void startMeshAndPrometheus() throws Exception {
    simulator = new TrafficSimulator(11);
    api = simulator.add(new SimulatedService(API.host(), "v1", "v2", () -> 10, 300));
    cart = simulator.add(new SimulatedService(CART.host(), "stable", "canary", () -> 50, 400));
    cart.profile("canary", VersionProfile.healthy().withErrorRate(0.05));
    exporter = MetricsExporter.start(simulator);
    ticker = Executors.newSingleThreadScheduledExecutor();
    ticker.scheduleAtFixedRate(() -> simulator.tick(Duration.ofMillis(100)), 0, 100, TimeUnit.MILLISECONDS);
    prometheus = PrometheusServer.start(List.of(exporter.target()), Duration.ofSeconds(1));
    prometheus.awaitScrapes(8, Duration.ofSeconds(40));
  }

  @AfterAll
  static void stopAll() {
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

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private PrometheusMetricsSource source(java.net.URI url) {
    return new PrometheusMetricsSource(Optional.of(PrometheusClient.of(url, Duration.ofSeconds(5))),
        QueryTemplates.defaults(), Map.of(), (ns, deployment, since) -> PODS, registry, Clock.systemUTC());
  }

  private Map<String, MetricSnapshot> tick() {
    return source(prometheus.url()).snapshots(List.of(Releases.at(API, 10), Releases.at(CART, 50)), WINDOW);
  }

  @Test
  void aHealthyCanaryMatchesTheSimulator() {
    MetricSnapshot s = tick().get("default/api-vs");
    assertThat(s.available()).isTrue();
    VersionMetrics v1 = s.stable();
    VersionMetrics v2 = s.canary();
    assertThat(v2.errors()).hasValue(0);
    assertThat(v1.errors()).hasValue(0);
    double share = v2.requests().getAsDouble() / (v1.requests().getAsDouble() + v2.requests().getAsDouble());
    assertThat(share).isCloseTo(0.10, within(0.02));
    assertThat(v1.requestRate().getAsDouble() + v2.requestRate().getAsDouble()).isBetween(1.0, 300 * 1.1);
    double simP50 = LatencyStatistics.quantile(api.histogram("v2"), 0.5).getAsDouble();
    double simP95 = LatencyStatistics.quantile(api.histogram("v2"), 0.95).getAsDouble();
    assertThat(v2.p50Ms().getAsDouble()).isCloseTo(simP50, within(simP50 * 0.15));
    assertThat(v2.p95Ms().getAsDouble()).isCloseTo(simP95, within(simP95 * 0.15));
    assertThat(v2.p99Ms()).isPresent();
    assertThat(v2.latency().total()).isCloseTo(v2.requests().getAsDouble(), within(v2.requests().getAsDouble() * 0.05));
    assertThat(v2.pods()).isEqualTo(PODS);
  }

  @Test
  void withoutCadvisorOrKubeStateMetricsCpuAndMemoryAreNotAvailable() {
    VersionMetrics v2 = tick().get("default/api-vs").canary();
    assertThat(v2.cpuOfLimit()).isEmpty();
    assertThat(v2.memoryOfLimit()).isEmpty();
  }

  @Test
  void aCanaryAtFivePercentErrorsShowsAboutFivePercent() {
    MetricSnapshot s = tick().get("shop/cart-vs");
    assertThat(s.available()).isTrue();
    double rate = s.canary().errors().getAsDouble() / s.canary().requests().getAsDouble();
    assertThat(rate).isBetween(0.035, 0.065);
    assertThat(s.stable().errors()).hasValue(0);
  }

  @Test
  void theRecentSpanComesInTheSameFourQueriesAndCountsTheCanarysOwnErrors() {
    PrometheusMetricsSource source = source(prometheus.url());
    Map<String, MetricSnapshot> snapshots = source.snapshots(
        List.of(Releases.at(API, 10), Releases.at(CART, 50)), WINDOW, Duration.ofSeconds(3));
    assertThat(source.lastTickQueries()).isEqualTo(4);
    MetricSnapshot cart = snapshots.get("shop/cart-vs");
    assertThat(cart.recent().window()).isEqualTo(Duration.ofSeconds(3));
    double recentRate = cart.recent().errors().getAsDouble() / cart.recent().requests().getAsDouble();
    assertThat(recentRate).as("the canary at 5 %% errors").isBetween(0.03, 0.07);
    assertThat(cart.recent().requests().getAsDouble()).as("fewer requests than the window's")
        .isLessThan(cart.canary().requests().getAsDouble());
    // The window's numbers are the window's alone: the recent series do not add to them.
    MetricSnapshot without = source.snapshots(List.of(Releases.at(CART, 50)), WINDOW).get("shop/cart-vs");
    assertThat(cart.canary().requests().getAsDouble())
        .isCloseTo(without.canary().requests().getAsDouble(), org.assertj.core.api.Assertions.withinPercentage(20));
    assertThat(without.recent()).isNull();
    assertThat(snapshots.get("default/api-vs").recent().errors()).hasValue(0);
  }

  @Test
  void theStartsSampleCheckSeesTheStableVersionAndNotOneWithoutTraffic() {
    PrometheusMetricsSource source = source(prometheus.url());
    assertThat(source.recentSample(API, "v1", WINDOW).state()).isEqualTo(StartFacts.Sample.State.SEEN);
    StartFacts.Sample none = source.recentSample(API, "v9", WINDOW);
    assertThat(none.state()).isEqualTo(StartFacts.Sample.State.NONE);
    assertThat(none.detail()).contains("destination_version=\"v9\"");
    PrometheusServer doomed = PrometheusServer.start(List.of(exporter.target()), Duration.ofSeconds(1));
    doomed.stop();
    try {
      assertThat(source(doomed.url()).recentSample(API, "v1", WINDOW).state())
          .isEqualTo(StartFacts.Sample.State.UNAVAILABLE);
    } finally {
      doomed.close();
    }
  }

  @Test
  void twoReleasesCostFourQueries() {
    PrometheusMetricsSource source = source(prometheus.url());
    source.snapshots(List.of(Releases.at(API, 10), Releases.at(CART, 50)), WINDOW);
    assertThat(source.lastTickQueries()).isEqualTo(4);
    assertThat(registry.get("canary.prometheus.queries").counter().count()).isEqualTo(4);
    assertThat(registry.get("canary.prometheus.queries.last.tick").gauge().value()).isEqualTo(4);
  }

  @Test
  void aStoppedPrometheusMakesEverySnapshotUnavailableWithTheReason() {
    PrometheusServer doomed = PrometheusServer.start(List.of(exporter.target()), Duration.ofSeconds(1));
    doomed.stop();
    try {
      List<CanaryRelease> releases = List.of(Releases.at(API, 10), Releases.at(CART, 50));
      Map<String, MetricSnapshot> snapshots = source(doomed.url()).snapshots(releases, WINDOW);
      assertThat(snapshots).hasSize(2);
      for (MetricSnapshot s : snapshots.values()) {
        assertThat(s.available()).isFalse();
        assertThat(s.unavailable()).contains("Prometheus at " + doomed.url() + "/api/v1/query: unreachable")
            .contains("query: sum by (destination_service");
        assertThat(s.canary().requests()).isEmpty();
      }
    } finally {
      doomed.close();
    }
  }
}
