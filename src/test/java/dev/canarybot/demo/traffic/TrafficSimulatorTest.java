package dev.canarybot.demo.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TrafficSimulatorTest {
  static final String HOST = "api-service.default.svc.cluster.local";

  @Test
  void requestsFollowTheWeightExactly() {
    AtomicInteger weight = new AtomicInteger(10);
    TrafficSimulator sim = new TrafficSimulator(1);
    SimulatedService api = sim.add(new SimulatedService(HOST, "v1", "v2", weight::get, 100));
    sim.tick(Duration.ofSeconds(10));
    assertThat(api.requests("v1")).isEqualTo(900);
    assertThat(api.requests("v2")).isEqualTo(100);
    weight.set(50);
    sim.tick(Duration.ofSeconds(10));
    assertThat(api.requests("v1")).isEqualTo(1400);
    assertThat(api.requests("v2")).isEqualTo(600);
  }

  @Test
  void fractionsOfARequestCarryOverShortTicks() {
    TrafficSimulator sim = new TrafficSimulator(1);
    SimulatedService api = sim.add(new SimulatedService(HOST, "v1", "v2", () -> 10, 10));
    for (int i = 0; i < 100; i++) {
      sim.tick(Duration.ofMillis(100));
    }
    assertThat(api.requests("v1") + api.requests("v2")).isBetween(99L, 100L);
    assertThat(api.requests("v2")).isBetween(9L, 10L);
  }

  @Test
  void theErrorRateOfAVersionShowsInItsCounters() {
    TrafficSimulator sim = new TrafficSimulator(7);
    SimulatedService api = sim.add(new SimulatedService(HOST, "v1", "v2", () -> 50, 2000));
    api.profile("v2", VersionProfile.healthy().withErrorRate(0.05));
    sim.tick(Duration.ofSeconds(10));
    assertThat(api.errors("v1")).isZero();
    assertThat((double) api.errors("v2") / api.requests("v2")).isBetween(0.045, 0.055);
  }

  @Test
  void theSameSeedGivesTheSameCounters() {
    assertThat(run(42)).isEqualTo(run(42));
    assertThat(run(42)).isNotEqualTo(run(43));
  }

  @Test
  void exposesIstioShapedSeries() {
    TrafficSimulator sim = new TrafficSimulator(3);
    SimulatedService api = sim.add(new SimulatedService(HOST, "v1", "v2", () -> 10, 100));
    api.profile("v2", new VersionProfile(0, 30, 0));
    sim.tick(Duration.ofSeconds(1));
    String text = sim.exposition();
    String v2 = "reporter=\"destination\",destination_service=\"" + HOST + "\",destination_version=\"v2\"";
    assertThat(text).contains("# TYPE istio_requests_total counter\n")
        .contains("# TYPE istio_request_duration_milliseconds histogram\n")
        .contains("istio_requests_total{" + v2 + ",response_code=\"200\"} 10\n")
        .contains("istio_request_duration_milliseconds_bucket{" + v2 + ",le=\"25\"} 0\n")
        .contains("istio_request_duration_milliseconds_bucket{" + v2 + ",le=\"50\"} 10\n")
        .contains("istio_request_duration_milliseconds_bucket{" + v2 + ",le=\"+Inf\"} 10\n")
        .contains("istio_request_duration_milliseconds_sum{" + v2 + "} 300\n")
        .contains("istio_request_duration_milliseconds_count{" + v2 + "} 10\n")
        .doesNotContain("response_code=\"503\"");
  }

  private static String run(long seed) {
    TrafficSimulator sim = new TrafficSimulator(seed);
    SimulatedService api = sim.add(new SimulatedService(HOST, "v1", "v2", () -> 10, 500));
    api.profile("v2", VersionProfile.healthy().withErrorRate(0.1));
    sim.tick(Duration.ofSeconds(3));
    return sim.exposition();
  }
}
