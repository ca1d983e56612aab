package dev.canarybot.metrics;

import dev.canarybot.analysis.CheckReading;
import dev.canarybot.analysis.MetricHistory;
import dev.canarybot.analysis.MetricSnapshot;
import dev.canarybot.analysis.PodHealth;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.release.StartFacts;
import dev.canarybot.service.port.MetricsSource;
import dev.canarybot.service.port.PodHealthReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Canary numbers from Prometheus: four queries per tick (requests by code, latency buckets, CPU,
 * memory) whatever the number of releases, split per release and version afterwards. Typed as
 * itself: {@link MetricsSourceChoice} is the one {@link MetricsSource} the use cases get.
 * Unremovable: it is looked up, never injected, and Quarkus would otherwise drop it and with it
 * the {@code canary.prometheus} mapping that application.properties configures.
 */
@ApplicationScoped
@Typed(PrometheusMetricsSource.class)
@Unremovable
public class PrometheusMetricsSource implements MetricsSource {
  private static final Logger LOG = Logger.getLogger(PrometheusMetricsSource.class);

  private final Optional<PrometheusClient> client;
  private final QueryTemplates templates;
  private final SnapshotAssembler assembler;
  private final SubsetVersions versions;
  private final PodHealthReader podHealth;
  private final Clock clock;
  private final Counter queries;
  private final AtomicInteger lastTickQueries = new AtomicInteger();

  @Inject
  public PrometheusMetricsSource(PrometheusConfig config, PodHealthReader podHealth, MeterRegistry registry,
      Clock clock) {
    this(PrometheusClient.from(config), QueryTemplates.from(config), config.subsetVersions(), podHealth,
        registry, clock);
  }

  public PrometheusMetricsSource(Optional<PrometheusClient> client, QueryTemplates templates,
      Map<String, String> subsetVersions, PodHealthReader podHealth, MeterRegistry registry, Clock clock) {
    this.client = client;
    this.templates = templates;
    this.versions = new SubsetVersions(subsetVersions);
    this.assembler = new SnapshotAssembler(
        new IstioSeries(templates.serviceLabel(), templates.versionLabel()), versions);
    this.podHealth = podHealth;
    this.clock = clock;
    this.queries = Counter.builder("canary.prometheus.queries")
        .description("PromQL queries sent to Prometheus").register(registry);
    Gauge.builder("canary.prometheus.queries.last.tick", lastTickQueries, AtomicInteger::get)
        .description("PromQL queries of the latest analysis tick, whatever the number of canaries")
        .register(registry);
  }

  @Override
  public String versionOf(String subset) {
    return versions.of(subset);
  }

  @Override
  public Map<String, MetricSnapshot> snapshots(List<CanaryRelease> releases, Duration window) {
    return snapshots(releases, window, null);
  }

  @Override
  public Map<String, MetricSnapshot> snapshots(List<CanaryRelease> releases, Duration window, Duration recent) {
    Instant at = clock.instant();
    if (releases.isEmpty()) {
      lastTickQueries.set(0);
      return Map.of();
    }
    if (client.isEmpty()) {
      return unavailable(releases, at, window, "no Prometheus configured (set PROMETHEUS_URL)");
    }
    QueryBatch batch = templates.render(releases.stream().map(CanaryRelease::target).toList(), window, recent);
    AtomicInteger sent = new AtomicInteger();
    try {
      QueryResults answers = new QueryResults(
          run(batch.requests(), at, sent), run(batch.latencyBuckets(), at, sent),
          run(batch.cpu(), at, sent), run(batch.memory(), at, sent));
      return assembler.assemble(releases, answers, at, window, recent,
          (release, deployment) -> pods(release, deployment, at, window));
    } catch (PrometheusException e) {
      LOG.warnf("metrics unavailable for %d release(s): %s", releases.size(), e.getMessage());
      return unavailable(releases, at, window, e.getMessage());
    } finally {
      lastTickQueries.set(sent.get());
    }
  }

  /** The tick's request query for this one target: a series of the subset means Prometheus sees it. */
  @Override
  public StartFacts.Sample recentSample(ReleaseTarget target, String subset, Duration window) {
    if (client.isEmpty()) {
      return StartFacts.Sample.unavailable("no Prometheus configured (set PROMETHEUS_URL)");
    }
    String version = versions.of(subset);
    String asked = templates.versionLabel() + "=\"" + version + "\" in the last " + dev.canarybot.release.TimeText.duration(window);
    try {
      queries.increment();
      List<Sample> series = client.get().query(templates.render(List.of(target), window).requests(), clock.instant())
          .stream()
          .filter(s -> target.host().equals(s.label(templates.serviceLabel())) && version.equals(s.label(templates.versionLabel())))
          .filter(s -> s.value().isPresent())
          .toList();
      if (series.isEmpty()) {
        return new StartFacts.Sample(StartFacts.Sample.State.NONE, "no istio_requests_total with " + asked);
      }
      long requests = Math.round(series.stream().mapToDouble(s -> s.value().getAsDouble()).sum());
      return new StartFacts.Sample(StartFacts.Sample.State.SEEN, requests + " requests with " + asked);
    } catch (PrometheusException e) {
      return StartFacts.Sample.unavailable(e.getMessage());
    }
  }

  /**
   * One query for every check of every release (see {@link CheckQueries}); when Prometheus
   * refuses it, each text is asked alone, so one release's bad PromQL blocks only that release.
   */
  @Override
  public Map<String, List<CheckReading>> checks(List<CanaryRelease> releases, Duration window) {
    CheckQueries plan = new CheckQueries(releases, window, versions);
    Map<String, CheckQueries.Answer> answers = new java.util.HashMap<>();
    String joined = plan.joined();
    if (joined != null && client.isEmpty()) {
      plan.texts().forEach(t -> answers.put(t, new CheckQueries.Answer(List.of(), "no Prometheus configured (set PROMETHEUS_URL)")));
    } else if (joined != null) {
      Instant at = clock.instant();
      AtomicInteger sent = new AtomicInteger();
      try {
        List<List<Sample>> split = plan.split(run(joined, at, sent));
        for (int i = 0; i < split.size(); i++) {
          answers.put(plan.texts().get(i), new CheckQueries.Answer(split.get(i), null));
        }
      } catch (PrometheusRefusedQuery refused) {
        for (String text : plan.texts()) {
          answers.put(text, alone(text, at, sent));
        }
      } catch (PrometheusException e) {
        LOG.warnf("custom checks unavailable: %s", e.getMessage());
        plan.texts().forEach(t -> answers.put(t, new CheckQueries.Answer(List.of(), "metrics unavailable: " + e.getMessage())));
      } finally {
        lastTickQueries.addAndGet(sent.get());
      }
    }
    return plan.readings(answers::get);
  }

  private CheckQueries.Answer alone(String text, Instant at, AtomicInteger sent) {
    try {
      return new CheckQueries.Answer(run(text, at, sent), null);
    } catch (PrometheusException e) {
      return new CheckQueries.Answer(List.of(), e.getMessage());
    }
  }

  /** The error ratio and p95 of both versions over {@code range}; empty when Prometheus cannot say. */
  @Override
  public Optional<MetricHistory> history(CanaryRelease release, Duration range, Duration step) {
    if (client.isEmpty()) {
      return Optional.empty();
    }
    HistoryQueries q = HistoryQueries.of(templates, release.target());
    Instant end = clock.instant();
    try {
      List<RangeSeries> errors = client.get().queryRange(q.errorRatio(), end.minus(range), end, step);
      List<RangeSeries> p95 = client.get().queryRange(q.p95(), end.minus(range), end, step);
      queries.increment(2);
      return Optional.of(new MetricHistory(byVersion(release, errors), byVersion(release, p95)));
    } catch (PrometheusException e) {
      LOG.debugf("no history for %s: %s", release.name(), e.getMessage());
      return Optional.empty();
    }
  }

  /** Series keyed by subset name (v1, v2), as the chart shows them. */
  private Map<String, List<MetricHistory.Point>> byVersion(CanaryRelease release, List<RangeSeries> series) {
    Map<String, List<MetricHistory.Point>> out = new java.util.LinkedHashMap<>();
    for (String subset : List.of(release.target().stableSubset(), release.target().canarySubset())) {
      String version = versions.of(subset);
      out.put(subset, series.stream()
          .filter(s -> version.equals(s.labels().get(templates.versionLabel())))
          .flatMap(s -> s.points().stream())
          .filter(p -> p.value().isPresent())
          .map(p -> new MetricHistory.Point(p.at(), p.value().getAsDouble()))
          .toList());
    }
    return out;
  }

  /** How many queries the latest tick sent. */
  public int lastTickQueries() {
    return lastTickQueries.get();
  }

  private List<Sample> run(String promql, Instant at, AtomicInteger sent) {
    sent.incrementAndGet();
    queries.increment();
    return client.orElseThrow().query(promql, at);
  }

  private PodHealth pods(CanaryRelease release, String deployment, Instant at, Duration window) {
    Instant since = release.status().stepStartedAt() == null ? at.minus(window) : release.status().stepStartedAt();
    try {
      return podHealth.health(release.namespace(), deployment, since);
    } catch (RuntimeException e) {
      // Pod health is one column of the snapshot; its failure must not hide the request numbers.
      LOG.warnf("pod health of Deployment %s.%s unreadable: %s", deployment, release.namespace(), e.getMessage());
      return null;
    }
  }

  private static Map<String, MetricSnapshot> unavailable(List<CanaryRelease> releases, Instant at, Duration window,
      String reason) {
    Map<String, MetricSnapshot> snapshots = new LinkedHashMap<>();
    for (CanaryRelease r : releases) {
      snapshots.put(MetricsSource.key(r), MetricSnapshot.unavailableFor(r, at, window, reason));
    }
    return snapshots;
  }
}
