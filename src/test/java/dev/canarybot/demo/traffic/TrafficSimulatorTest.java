package dev.canarybot.demo.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalInt;
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

  @Test
  void plentyOfReadyPodsLeavesTheNumbersExactlyAsWithoutCapacity() {
    TrafficSimulator unknown = new TrafficSimulator(42);
    unknown.add(new SimulatedService(HOST, "v1", "v2", () -> 10, 2000));
    TrafficSimulator plenty = new TrafficSimulator(42);
    // v1 1800/3 = 600 and v2 200/1 per pod, both below 800: the same draws give the same series.
    SimulatedService api = plenty.add(new SimulatedService(HOST, "v1", "v2", () -> 10, 2000,
        v -> OptionalInt.of(v.equals("v1") ? 3 : 1), LoadModel.of(800)));
    unknown.tick(Duration.ofSeconds(3));
    plenty.tick(Duration.ofSeconds(3));
    assertThat(plenty.exposition()).isEqualTo(unknown.exposition());
    assertThat(api.load("v2")).isEqualTo(new VersionLoad(200, OptionalInt.of(1), 1));
  }

  @Test
  void anUnderScaledCanaryIsSlower() {
    TrafficSimulator sim = new TrafficSimulator(5);
    // 50/50 of 2000: v2 carries 1000 on one pod, 1.25 times comfortable: median x 1.5625.
    SimulatedService api = sim.add(new SimulatedService(HOST, "v1", "v2", () -> 50, 2000,
        v -> OptionalInt.of(v.equals("v1") ? 3 : 1), LoadModel.of(800)));
    api.profile("v1", new VersionProfile(0, 40, 0));
    api.profile("v2", new VersionProfile(0, 40, 0));
    sim.tick(Duration.ofSeconds(1));
    // Spread 0: every v1 request takes 40 ms (bucket le=50), every v2 one 40 x 1.5625 = 62.5 ms (le=100).
    String text = sim.exposition();
    String v1 = "reporter=\"destination\",destination_service=\"" + HOST + "\",destination_version=\"v1\"";
    String v2 = "reporter=\"destination\",destination_service=\"" + HOST + "\",destination_version=\"v2\"";
    assertThat(text).contains("istio_request_duration_milliseconds_bucket{" + v1 + ",le=\"50\"} 1000\n")
        .contains("istio_request_duration_milliseconds_sum{" + v1 + "} 40000\n")
        .contains("istio_request_duration_milliseconds_bucket{" + v2 + ",le=\"50\"} 0\n")
        .contains("istio_request_duration_milliseconds_bucket{" + v2 + ",le=\"100\"} 1000\n")
        .contains("istio_request_duration_milliseconds_sum{" + v2 + "} 62500\n");
    assertThat(api.load("v2").latencyFactor()).isEqualTo(1.5625);
  }

  @Test
  void aVersionWithNoReadyPodAnswers503AtOnce() {
    TrafficSimulator sim = new TrafficSimulator(9);
    SimulatedService api = sim.add(new SimulatedService(HOST, "v1", "v2", () -> 10, 100,
        v -> OptionalInt.of(v.equals("v1") ? 3 : 0), LoadModel.of(800)));
    sim.tick(Duration.ofSeconds(10));
    // 10 % of 1000 requests: all 100 fail, each answered in 1 ms; v1's 900 are untouched.
    assertThat(api.requests("v2")).isEqualTo(100);
    assertThat(api.errors("v2")).isEqualTo(100);
    assertThat(api.errors("v1")).isZero();
    assertThat(sim.exposition()).contains("destination_version=\"v2\",response_code=\"503\"} 100\n")
        .contains("istio_request_duration_milliseconds_sum{reporter=\"destination\",destination_service=\""
            + HOST + "\",destination_version=\"v2\"} 100\n");
    assertThat(api.load("v2").unavailable()).isTrue();
  }

  private static String run(long seed) {
    TrafficSimulator sim = new TrafficSimulator(seed);
    SimulatedService api = sim.add(new SimulatedService(HOST, "v1", "v2", () -> 10, 500));
    api.profile("v2", VersionProfile.healthy().withErrorRate(0.1));
    sim.tick(Duration.ofSeconds(3));
    return sim.exposition();
  }
}
