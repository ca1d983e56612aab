package dev.canarybot.demo;

import dev.canarybot.analysis.LatencyStatistics;
import dev.canarybot.analysis.MetricHistory;
import dev.canarybot.analysis.MetricSnapshot;
import dev.canarybot.analysis.PodHealth;
import dev.canarybot.analysis.VersionMetrics;
import dev.canarybot.metrics.StandInMetricsSource;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.release.StartFacts;
import dev.canarybot.service.port.MetricsSource;
import dev.canarybot.service.port.PodHealthReader;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The demo's metrics when no Prometheus is configured: the simulator's counters, increased over
 * the analysis window as Prometheus would compute them, and pod health from the demo's Kubernetes
 * API. CPU and memory are not simulated and stay "no data", as in a cluster without limits.
 * Looked up only with the demo on, so production never sees it.
 */
@ApplicationScoped
@Typed(StandInMetricsSource.class)
@LookupIfProperty(name = "canary.demo.enabled", stringValue = "true")
public class SimulatorMetricsSource implements StandInMetricsSource {
  private final DemoTraffic traffic;
  private final PodHealthReader pods;
  private final Clock clock;

  public SimulatorMetricsSource(DemoTraffic traffic, PodHealthReader pods, Clock clock) {
    this.traffic = traffic;
    this.pods = pods;
    this.clock = clock;
  }

  @Override
  public String describe() {
    return "the demo's in-process traffic simulator";
  }

  @Override
  public Map<String, MetricSnapshot> snapshots(List<CanaryRelease> releases, Duration window) {
    Instant at = clock.instant();
    Map<String, MetricSnapshot> out = new LinkedHashMap<>();
    for (CanaryRelease r : releases) {
      ReleaseTarget t = r.target();
      boolean simulated = t.host().equals(traffic.config().host());
      Instant since = r.status().stepStartedAt() == null ? at.minus(window) : r.status().stepStartedAt();
      out.put(MetricsSource.key(r), new MetricSnapshot(at, window,
          version(simulated, t.stableSubset(), window, health(t.namespace(), t.stableWorkload(), since)),
          version(simulated, t.canarySubset(), window, health(t.namespace(), t.canaryWorkload(), since)),
          null));
    }
    return out;
  }

  /** What the simulator served of the subset within the window, as Prometheus' request query would see it. */
  @Override
  public StartFacts.Sample recentSample(ReleaseTarget target, String subset, Duration window) {
    if (!target.host().equals(traffic.config().host())) {
      return new StartFacts.Sample(StartFacts.Sample.State.NONE, "the simulator serves " + traffic.config().host() + " only");
    }
    TrafficHistory.Increase inc = traffic.history().increase(subset, window);
    if (inc == null) {
      return new StartFacts.Sample(StartFacts.Sample.State.NONE, "the simulator has served nothing yet");
    }
    return new StartFacts.Sample(StartFacts.Sample.State.SEEN, inc.requests() + " simulated requests");
  }

  /** The chart's series from the simulator's own history, as Prometheus' range queries would give them. */
  @Override
  public Optional<MetricHistory> history(CanaryRelease release, Duration range, Duration step) {
    ReleaseTarget t = release.target();
    if (!t.host().equals(traffic.config().host())) {
      return Optional.empty();
    }
    Instant from = clock.instant().minus(range);
    Map<String, List<MetricHistory.Point>> errors = new LinkedHashMap<>();
    Map<String, List<MetricHistory.Point>> p95 = new LinkedHashMap<>();
    for (String version : List.of(t.stableSubset(), t.canarySubset())) {
      List<MetricHistory.Point> e = new ArrayList<>();
      List<MetricHistory.Point> l = new ArrayList<>();
      for (TrafficHistory.Step s : traffic.history().steps(version, from, step)) {
        if (s.increase().requests() > 0) {
          e.add(new MetricHistory.Point(s.at(), (double) s.increase().errors() / s.increase().requests()));
          LatencyStatistics.quantile(s.increase().latency(), 0.95)
              .ifPresent(ms -> l.add(new MetricHistory.Point(s.at(), ms)));
        }
      }
      errors.put(version, e);
      p95.put(version, l);
    }
    MetricHistory history = new MetricHistory(errors, p95);
    return history.isEmpty() ? Optional.empty() : Optional.of(history);
  }

  private VersionMetrics version(boolean simulated, String version, Duration window, PodHealth health) {
    TrafficHistory.Increase inc = simulated ? traffic.history().increase(version, window) : null;
    if (inc == null) {
      VersionMetrics none = VersionMetrics.empty(version);
      return new VersionMetrics(version, none.requestRate(), none.requests(), none.errors(), none.p50Ms(),
          none.p95Ms(), none.p99Ms(), null, health, none.cpuOfLimit(), none.memoryOfLimit());
    }
    double seconds = Math.max(1, inc.covered().toMillis() / 1000.0);
    return new VersionMetrics(version, OptionalDouble.of(inc.requests() / seconds),
        OptionalDouble.of(inc.requests()), OptionalDouble.of(inc.errors()),
        LatencyStatistics.quantile(inc.latency(), 0.50), LatencyStatistics.quantile(inc.latency(), 0.95),
        LatencyStatistics.quantile(inc.latency(), 0.99), inc.latency(), health,
        OptionalDouble.empty(), OptionalDouble.empty());
  }

  private PodHealth health(String namespace, String deployment, Instant since) {
    try {
      return pods.health(namespace, deployment, since);
    } catch (RuntimeException e) {
      return null; // unknown pod health blocks promotion; it must not hide the request numbers
    }
  }
}
