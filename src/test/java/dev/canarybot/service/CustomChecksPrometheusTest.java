package dev.canarybot.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.analysis.CheckReading;
import dev.canarybot.analysis.PodHealth;
import dev.canarybot.analysis.Verdict;
import dev.canarybot.demo.traffic.MetricsExporter;
import dev.canarybot.demo.traffic.SimulatedService;
import dev.canarybot.demo.traffic.TrafficSimulator;
import dev.canarybot.metrics.PrometheusClient;
import dev.canarybot.metrics.PrometheusMetricsSource;
import dev.canarybot.metrics.QueryTemplates;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CheckSpec.OnBreach;
import dev.canarybot.release.CheckSpec;
import dev.canarybot.release.HistoryEntry;
import dev.canarybot.release.Phase;
import dev.canarybot.release.ReleasePlan;
import dev.canarybot.release.ReleaseStatus;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.service.port.Analysis;
import dev.canarybot.service.port.MetricsSource;
import dev.canarybot.service.port.ReleaseNotifier;
import dev.canarybot.service.port.ResolvedTarget;
import dev.canarybot.service.port.TargetQuery;
import dev.canarybot.testing.PrometheusServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Custom checks against Debian's real Prometheus scraping the traffic simulator: the canary
 * gets 10 % of 300 rps, so its request rate is a "business metric" whose share of stable's is
 * known (10 / 90) and whose value is far below a floor of a million.
 */
class CustomChecksPrometheusTest {
  static final ReleaseTarget API = ReleaseServiceTest.TARGET;
  static final ReleaseTarget CART = new ReleaseTarget("default", "cart-vs", "primary",
      "cart.default.svc.cluster.local", "stable", "canary", "cart-stable", "cart-canary");
  /** Requests per second to one version of one host: a query that answers one series. */
  static final String RATE = "sum(rate(istio_requests_total{reporter=\"destination\","
      + "destination_service=\"{{service}}\",destination_version=\"{{version}}\"}[{{window}}]))";

  static TrafficSimulator simulator;
  static MetricsExporter exporter;
  static ScheduledExecutorService ticker;
  static PrometheusServer prometheus;

  @BeforeAll
  static void startMeshAndPrometheus() throws Exception {
    simulator = new TrafficSimulator(7);
    simulator.add(new SimulatedService(API.host(), "v1", "v2", () -> 10, 300));
    simulator.add(new SimulatedService(CART.host(), "stable", "canary", () -> 10, 300));
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

  final Clock clock = Clock.systemUTC();
  /** Releases start a minute before the analysis looks, so their step has a window of its own. */
  final Clock aMinuteAgo = Clock.offset(clock, java.time.Duration.ofMinutes(-1));
  final InMemoryReleaseStore store = new InMemoryReleaseStore();
  final FakeTrafficRouter router = new FakeTrafficRouter();
  final MetricsSource metrics = new PrometheusMetricsSource(
      Optional.of(PrometheusClient.of(prometheus.url(), Duration.ofSeconds(5))), QueryTemplates.defaults(),
      Map.of(), (ns, deployment, since) -> new PodHealth(2, 2, 0, 0), new SimpleMeterRegistry(), clock);

  static CheckSpec check(String name, String query, Double min, Double max, boolean relative, OnBreach onBreach) {
    return new CheckSpec(name, query, min == null ? OptionalDouble.empty() : OptionalDouble.of(min),
        max == null ? OptionalDouble.empty() : OptionalDouble.of(max), relative, onBreach);
  }

  /** The test config with the given checks configured and the gates on. */
  TestConfig config(Map<String, CheckSpec> checks) {
    return new TestConfig() {
      @Override
      public Map<String, Check> checks() {
        Map<String, Check> out = new java.util.LinkedHashMap<>();
        checks.forEach((name, c) -> out.put(name, new Check() {
          public String query() { return c.query(); }
          public OptionalDouble min() { return c.min(); }
          public OptionalDouble max() { return c.max(); }
          public boolean relativeToStable() { return c.relativeToStable(); }
          public String onBreach() { return c.onBreach().name(); }
        }));
        return out;
      }
    };
  }

  final ReleaseNotifier notifier = new ReleaseNotifier() {
    @Override
    public void transitioned(CanaryRelease release, HistoryEntry entry, String outcome) {}
  };

  ReleaseService service(TestConfig config, ReleaseAnalyzer analyzer) {
    Reconciler reconciler = new Reconciler(router, q -> { throw new AssertionError(); }, new FakeWorkloads(),
        store, new RecordingEvents(), aMinuteAgo);
    dev.canarybot.service.port.TargetResolver resolver = q -> new ResolvedTarget("api-vs", API, router.read(API));
    return new ReleaseService(store, resolver, reconciler, new RecordingEvents(), notifier,
        r -> analyzer.analyze(r).verdict().blockers(), ns -> true,
        dev.canarybot.testing.Preflights.passing(resolver, config), config, aMinuteAgo);
  }

  /** Starts api-vs with the one configured check {@code spec}, auto-rollback on. */
  ReleaseService startWith(CheckSpec spec, TestConfig[] used) {
    TestConfig config = config(Map.of(spec.name(), spec));
    used[0] = config;
    ReleaseService service = service(config, new ReleaseAnalyzer(metrics, config, clock));
    assertThat(service.start(new StartRequest("alice", new TargetQuery("default", "api-vs", null, null, null),
        null, true, null, List.of(spec.name())))).isInstanceOf(ActionResult.Done.class);
    assertThat(store.get("api-vs").checks()).containsExactly(spec);
    return service;
  }

  @Test
  void aRollbackCheckTheCanaryBreaksRollsItBackAndTheHistoryNamesIt() {
    // v2 gets about 30 rps; a floor of a million cannot be met.
    CheckSpec spec = check("orders-rate", RATE, 1e6, null, false, OnBreach.rollback);
    TestConfig[] config = new TestConfig[1];
    ReleaseService service = startWith(spec, config);
    ReleaseAnalyzer analyzer = new ReleaseAnalyzer(metrics, config[0], clock);
    AnalysisJob job = new AnalysisJob(store, analyzer, service, notifier, new LatestAnalysis(), () -> true,
        router, config[0], clock, new Nudges(store, notifier,
            new Policies(dev.canarybot.service.port.FreezeStore.NONE, config[0]), clock));

    job.tick();

    CanaryRelease r = store.get("api-vs");
    assertThat(r.phase()).isEqualTo(Phase.RolledBack);
    assertThat(router.weights.canary()).isZero();
    HistoryEntry last = r.status().history().get(r.status().history().size() - 1);
    assertThat(last.reason()).startsWith("automatic rollback: check orders-rate: v2 ")
        .contains("is below min 1000000").contains("onBreach: rollback");
  }

  @Test
  void aGateCheckBlocksPromotionWithTheChecksValuesInTheRefusal() {
    CheckSpec spec = check("orders-rate", RATE, 1e6, null, false, OnBreach.gate);
    ReleaseService service = startWith(spec, new TestConfig[1]);

    ActionResult result = service.promote("default", "api-vs", "U0APPROVER", 0, -1, null, false);

    assertThat(result).isInstanceOf(ActionResult.Refused.class);
    String refusal = ((ActionResult.Refused) result).reason();
    assertThat(refusal).contains("check orders-rate: v2 ").contains("is below min 1000000 (v2 ")
        .containsPattern("v1 [0-9.]+\\)");
    assertThat(store.get("api-vs").phase()).as("a refusal changes nothing").isEqualTo(Phase.Progressing);
  }

  @Test
  void aCheckWithoutDataIsInconclusiveAndNeverHealthy() {
    CheckSpec spec = check("checkout-success",
        "sum(rate(checkout_total{version=\"{{version}}\"}[{{window}}]))", 0.99, null, false, OnBreach.rollback);
    Map<String, Analysis> out = new ReleaseAnalyzer(metrics, new TestConfig(), clock)
        .analyze(List.of(progressing(API, spec)));

    Analysis a = out.get("default/api-vs");
    assertThat(a.checks().get(0).canary()).isEmpty();
    assertThat(a.verdict().kind()).isNotEqualTo(Verdict.Kind.Healthy).isNotEqualTo(Verdict.Kind.Breach);
    assertThat(a.verdict().blockers()).contains("check checkout-success has no data for v2 (v2 no data, v1 no data)");
  }

  @Test
  void anInvalidQueryBlocksThatReleaseOnlyWithPrometheusReason() {
    CheckSpec broken = check("orders-rate", "sum(rate(istio_requests_total[{{window}}]", 1.0, null, false,
        OnBreach.rollback);
    CheckSpec fine = check("orders-rate", RATE, 0.001, null, false, OnBreach.rollback);
    CheckSpec unknown = check("orders-rate", "sum(x{pod=\"{{pod}}\"})", 1.0, null, false, OnBreach.rollback);
    Map<String, Analysis> out = new ReleaseAnalyzer(metrics, new TestConfig(), clock)
        .analyze(List.of(progressing(API, broken), progressing(CART, fine)));

    CheckReading api = out.get("default/api-vs").checks().get(0);
    assertThat(api.problem()).contains("HTTP 400").contains("bad_data");
    assertThat(out.get("default/api-vs").verdict().blockers())
        .anySatisfy(b -> assertThat(b).startsWith("check orders-rate cannot be judged: ").contains("bad_data"));
    CheckReading cart = out.get("default/cart-vs").checks().get(0);
    assertThat(cart.problem()).isNull();
    // Absolute rates are low while Prometheus is seconds old; the split is not: 10 % vs 90 %.
    assertThat(cart.canary().getAsDouble()).isPositive();
    assertThat(cart.canary().getAsDouble() / cart.stable().getAsDouble()).isBetween(0.05, 0.25);
    assertThat(out.get("default/cart-vs").verdict().reasons())
        .anySatisfy(r -> assertThat(r).startsWith("check orders-rate passes: canary "));

    Map<String, Analysis> again = new ReleaseAnalyzer(metrics, new TestConfig(), clock)
        .analyze(List.of(progressing(API, unknown)));
    assertThat(again.get("default/api-vs").verdict().blockers())
        .anySatisfy(b -> assertThat(b).contains("uses unknown placeholder {{pod}}"));
  }

  @Test
  void relativeToStableJudgesTheRatioOfCanaryToStable() {
    // At 10 % weight canary ÷ stable is about 10 / 90 = 0.11: within 0.05–0.25, below a 0.5 floor.
    CheckSpec within = check("share", RATE, 0.05, 0.25, true, OnBreach.watch);
    CheckSpec below = check("share", RATE, 0.5, null, true, OnBreach.watch);
    ReleaseAnalyzer analyzer = new ReleaseAnalyzer(metrics, new TestConfig(), clock);

    Analysis ok = analyzer.analyze(progressing(API, within));
    Analysis low = analyzer.analyze(progressing(CART, below));

    assertThat(ok.verdict().reasons()).anySatisfy(r -> assertThat(r).startsWith("check share passes: v2 ")
        .contains(", ratio 0.").contains("(min 0.05, max 0.25 of the ratio)"));
    assertThat(ok.verdict().reasons()).noneSatisfy(r -> assertThat(r).startsWith("check share:"));
    assertThat(low.verdict().kind()).isEqualTo(Verdict.Kind.Watch);
    assertThat(low.verdict().reasons().get(0)).startsWith("check share: canary ÷ stable 0.").contains("is below min 0.5");
  }

  static CanaryRelease progressing(ReleaseTarget target, CheckSpec check) {
    Instant started = Instant.now().minus(Duration.ofHours(2));
    return new CanaryRelease(target.virtualService(), target,
        new ReleasePlan(List.of(10, 50, 100), Duration.ofHours(24)), true,
        new ReleaseStatus(Phase.Progressing, 0, 10, started, 10, false, null, null, List.of()), Map.of(),
        List.of(check));
  }
}
