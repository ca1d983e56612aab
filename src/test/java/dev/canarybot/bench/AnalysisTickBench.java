package dev.canarybot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.analysis.MetricSnapshot;
import dev.canarybot.demo.traffic.MetricsExporter;
import dev.canarybot.demo.traffic.SimulatedService;
import dev.canarybot.demo.traffic.TrafficSimulator;
import dev.canarybot.demo.traffic.VersionProfile;
import dev.canarybot.metrics.PrometheusClient;
import dev.canarybot.metrics.PrometheusMetricsSource;
import dev.canarybot.metrics.QueryTemplates;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.Phase;
import dev.canarybot.release.ReleasePlan;
import dev.canarybot.release.ReleaseStatus;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.testing.PrometheusServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One analysis tick of the Prometheus source with 1,000 active canaries against Debian's real
 * Prometheus scraping 1,000 simulated services. Not a unit test (its name keeps it out of
 * {@code mvn verify}); run it with {@code bench/analysis-tick.sh}.
 */
class AnalysisTickBench {
  static final int CANARIES = Integer.getInteger("bench.canaries", 1000);
  static final int TICKS = 5;

  @Test
  void oneTickWithAThousandCanaries() throws Exception {
    TrafficSimulator sim = new TrafficSimulator(1);
    List<CanaryRelease> releases = new ArrayList<>();
    for (int i = 0; i < CANARIES; i++) {
      String ns = "team-" + (i % 20);
      String name = "svc-" + i;
      ReleaseTarget t = new ReleaseTarget(ns, name + "-vs", "primary", name + "." + ns + ".svc.cluster.local",
          "v1", "v2", name + "-v1", name + "-v2");
      SimulatedService s = sim.add(new SimulatedService(t.host(), "v1", "v2", () -> 10, 20));
      s.profile("v2", VersionProfile.healthy().withErrorRate(i % 10 == 0 ? 0.05 : 0.001));
      releases.add(new CanaryRelease(t.virtualService(), t, new ReleasePlan(List.of(10, 50, 100), Duration.ofHours(24)),
          true, new ReleaseStatus(Phase.Progressing, 0, 10, Instant.EPOCH, 10, false, null, null, List.of())));
    }
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    ticker.scheduleAtFixedRate(() -> sim.tick(Duration.ofMillis(500)), 0, 500, TimeUnit.MILLISECONDS);
    try (MetricsExporter exporter = MetricsExporter.start(sim);
        PrometheusServer prometheus = PrometheusServer.start(List.of(exporter.target()), Duration.ofSeconds(2))) {
      prometheus.awaitScrapes(4, Duration.ofSeconds(90));
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      PrometheusMetricsSource source = new PrometheusMetricsSource(
          Optional.of(PrometheusClient.of(prometheus.url(), Duration.ofSeconds(10))), QueryTemplates.defaults(),
          Map.of(), (ns, d, since) -> null, registry, Clock.systemUTC());
      List<Long> millis = new ArrayList<>();
      int queries = -1;
      long withData = 0;
      for (int i = 0; i < TICKS; i++) {
        long start = System.nanoTime();
        Map<String, MetricSnapshot> snapshots = source.snapshots(releases, Duration.ofSeconds(60));
        millis.add((System.nanoTime() - start) / 1_000_000);
        queries = source.lastTickQueries();
        assertThat(snapshots).hasSize(CANARIES);
        assertThat(snapshots.values()).allMatch(MetricSnapshot::available);
        withData = snapshots.values().stream().filter(s -> s.canary().requests().isPresent()).count();
      }
      List<Long> sorted = new ArrayList<>(millis);
      Collections.sort(sorted);
      String report = "analysis tick: PrometheusMetricsSource, " + CANARIES + " active canaries, "
          + "Debian Prometheus " + version() + " on 127.0.0.1 scraping " + (CANARIES * 2) + " simulated versions\n"
          + "queries per tick: " + queries + " (goal <= 4)\n"
          + "wall time per tick, " + TICKS + " ticks: min " + sorted.get(0) + " ms, median " + sorted.get(TICKS / 2)
          + " ms, max " + sorted.get(TICKS - 1) + " ms (goal < 2000 ms); in order: " + millis + "\n"
          + "canaries with request data in the last tick: " + withData + " of " + CANARIES + "\n"
          + "not measured: pod health (Kubernetes API, two reads per canary) — a no-op reader here\n"
          + "machine: " + Runtime.getRuntime().availableProcessors() + " cpus, java " + System.getProperty("java.version") + "\n";
      Path out = Path.of("bench", "results", "analysis-tick.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
      System.out.println(report);
      assertThat(queries).isLessThanOrEqualTo(4);
    } finally {
      ticker.shutdownNow();
    }
  }

  private static String version() throws Exception {
    Process p = new ProcessBuilder(PrometheusServer.BINARY.toString(), "--version").redirectErrorStream(true).start();
    String first = new String(p.getInputStream().readAllBytes()).lines().findFirst().orElse("?");
    p.waitFor();
    return first.replace("prometheus, version ", "");
  }
}
