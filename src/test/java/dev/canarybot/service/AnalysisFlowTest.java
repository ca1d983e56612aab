package dev.canarybot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.canarybot.analysis.ChartModel;
import dev.canarybot.analysis.ChartSpan;
import dev.canarybot.analysis.Thresholds;
import dev.canarybot.analysis.Verdict;
import dev.canarybot.demo.slackapi.FakeMessage;
import dev.canarybot.demo.traffic.VersionProfile;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.Phase;
import dev.canarybot.service.port.Analysis;
import dev.canarybot.service.port.MetricsSource;
import dev.canarybot.service.port.ReleaseStore;
import dev.canarybot.service.port.TargetQuery;
import dev.canarybot.slack.inbound.SlackWork;
import dev.canarybot.store.CanaryReleaseResource;
import dev.canarybot.testing.CrdInstaller;
import dev.canarybot.testing.Eventually;
import dev.canarybot.testing.ExampleCluster;
import dev.canarybot.testing.FakeSlack;
import dev.canarybot.testing.MutableClock;
import dev.canarybot.testing.SimulatedMesh;
import dev.canarybot.testing.SlackTook;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The analysis end to end: the simulator's traffic scraped by a real Prometheus, verdicts,
 * gates, one alert per episode, the automatic rollback, and Prometheus going away. One story
 * in order, because Prometheus keeps what it scraped.
 */
@QuarkusTest
@TestProfile(AnalysisProfile.class)
@WithKubernetesTestServer(crud = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalysisFlowTest {
  static final String NS = "default";

  @Inject KubernetesClient client;
  @Inject ReleaseService releases;
  @Inject ReleaseStore store;
  @Inject AnalysisJob analysis;
  @Inject ReleaseAnalyzer analyzer;
  @Inject LatestAnalysis latest;
  @Inject SlackWork work;
  @Inject MutableClock clock;
  @Inject SummaryJob summaries;
  @Inject MetricsSource metrics;

  static boolean clusterReady;

  void cluster() {
    clock.followSystemTime();
    if (clusterReady) {
      return;
    }
    CrdInstaller.install(client);
    client.resources(CanaryReleaseResource.class).inNamespace(NS).delete();
    new ExampleCluster(client).reset();
    for (String version : List.of("v1", "v2")) {
      for (int i = 0; i < 2; i++) {
        client.pods().inNamespace(NS).resource(readyPod("api-" + version + "-7d9f-" + i, version)).create();
      }
    }
    FakeSlack.api().reset();
    clusterReady = true;
  }

  @AfterEach
  void everyPayloadWasOneSlackTakes() {
    Eventually.await("idle Slack work", work::idle, idle -> idle);
    SlackTook.everyBlock(FakeSlack.api());
  }

  static Pod readyPod(String name, String version) {
    return new PodBuilder()
        .withNewMetadata().withName(name).withNamespace(NS)
        .addToLabels("app", "api").addToLabels("version", version).endMetadata()
        .withNewSpec().addNewContainer().withName("api").withImage("api").endContainer()
        // in the mesh, as the start's checks want
        .addNewContainer().withName("istio-proxy").withImage("istio/proxyv2").endContainer().endSpec()
        .withNewStatus().withPhase("Running")
        .addNewCondition().withType("Ready").withStatus("True").endCondition()
        .addNewContainerStatus().withName("api").withReady(true).withRestartCount(0).endContainerStatus()
        .addNewContainerStatus().withName("istio-proxy").withReady(true).withRestartCount(0).endContainerStatus()
        .endStatus().build();
  }

  CanaryRelease release() {
    return store.find(NS, "api-vs").orElseThrow().release();
  }

  Verdict verdict() {
    return latest.of(release()).orElseThrow().verdict();
  }

  void start() {
    ActionResult r = releases.start(new StartRequest("<@U0OPERATOR>",
        new TargetQuery(NS, "api-vs", null, null, null), null, true, FakeSlack.CHANNEL));
    assertThat(r).as(r.toString()).isInstanceOf(ActionResult.Done.class);
  }

  /** The alert episodes' pages: top-level messages about a Watch or Breach, as they read now. */
  List<FakeMessage> alerts() {
    return FakeSlack.api().channel(FakeSlack.CHANNEL).stream()
        .filter(m -> m.threadTs() == null && m.text().matches("(?s).*\\*(Watch|Breach)\\* on \\*.*")).toList();
  }

  /** Every message that called people, edits aside (an edit notifies nobody). */
  List<String> mentions() {
    return FakeSlack.api().calls("chat.postMessage").stream().map(c -> c.param("text"))
        .filter(t -> t != null && t.contains("<!here>")).toList();
  }

  /** A step younger than two scrapes is not judged yet (StepWindow); these tests judge it. */
  void awaitTheStepsOwnWindow() {
    Eventually.await("a span of the step's own traffic", () -> analyzer.window(release()), w -> w.isPresent());
  }

  @Test
  @Order(1)
  void lowTrafficIsNotEnoughDataAndBlocksPromotion() {
    cluster();
    SimulatedMesh.api().rps(2);
    start();
    awaitTheStepsOwnWindow();
    analysis.tick();

    Verdict v = verdict();
    assertThat(v.kind()).isEqualTo(Verdict.Kind.Inconclusive);
    assertThat(String.join(" ", v.blockers())).containsPattern("need about [0-9,]+ more requests|no requests to v2");
    ActionResult promote = releases.promote(NS, "api-vs", "<@U0APPROVER>", 0, -1, null, false);
    // The gate judges afresh over the step's own span, which may still hold no request to v2 at all.
    assertThat(((ActionResult.Refused) promote).reason()).startsWith("cannot promote api-vs yet: ")
        .containsPattern("need about [0-9,]+ more requests|no requests to v2").contains("--force");
    assertThat(release().weight()).isEqualTo(10);
  }

  @Test
  @Order(2)
  void aHealthyCanaryIsHealthyWithTheSimulatorsNumbers() {
    cluster();
    SimulatedMesh.api().rps(4000);
    Verdict v = Eventually.await("a Healthy verdict with enough traffic", () -> {
      analysis.tick();
      return verdict();
    }, x -> x.kind() == Verdict.Kind.Healthy);

    Analysis a = latest.of(release()).orElseThrow();
    double v1 = a.snapshot().stable().requests().getAsDouble();
    double v2 = a.snapshot().canary().requests().getAsDouble();
    assertThat(v2 / (v1 + v2)).isCloseTo(0.10, within(0.02));
    assertThat(a.snapshot().canary().errors()).hasValue(0);
    assertThat(a.snapshot().canary().p50Ms().getAsDouble())
        .isCloseTo(VersionProfile.healthy().medianLatencyMs(), within(VersionProfile.healthy().medianLatencyMs() * 0.3));
    assertThat(v.blockers()).isEmpty();
    assertThat(alerts()).isEmpty();
  }

  @Test
  @Order(3)
  void theSummaryPostsTheNumbersInTheThreadAndRedrawsTheCard() throws Exception {
    cluster();
    dev.canarybot.release.CardRef card = Eventually.await("the card on the release", this::release,
        r -> r.status().card() != null).status().card();
    // A chart needs a line: two points of a series since the start, one range-query step apart.
    Eventually.await("two points of history since the start", () -> {
      CanaryRelease r = release();
      ChartSpan span = ChartSpan.of(r, clock.instant());
      return metrics.history(r, span.range(), span.step()).map(h -> ChartModel.of(r, h, Thresholds.DEFAULT, span));
    }, m -> m.isPresent() && m.get().drawable());

    summaries.post();

    FakeMessage summary = Eventually.await("a summary in the thread", () -> FakeSlack.api()
        .channel(FakeSlack.CHANNEL).stream().filter(m -> card.ts().equals(m.threadTs()))
        .filter(m -> m.text().contains("```")).findFirst().orElseThrow(), m -> true);
    assertThat(summary.text()).contains("*api-vs* at 10 %", "v1 (stable)", "v2 (canary)", "req/s", "5xx",
        "P50", "P95", "P99", "split", "(want 10 %)", "2/2 ready", "*Healthy*");
    Eventually.await("the card with the verdict", () -> FakeSlack.api().message(FakeSlack.CHANNEL, card.ts())
        .orElseThrow(), m -> m.blocks().contains("Healthy"));
    FakeMessage chart = Eventually.await("the chart in the thread", () -> FakeSlack.api()
        .channel(FakeSlack.CHANNEL).stream().filter(m -> card.ts().equals(m.threadTs()))
        .filter(m -> !m.fileIds().isEmpty()).findFirst().orElseThrow(), m -> true);
    byte[] png = FakeSlack.api().file(chart.fileIds().get(0)).orElseThrow();
    assertThat(java.util.Arrays.copyOf(png, 4)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
  }

  @Test
  @Order(4)
  void aHealthyPromotionRaisesNoWatchOrBreachOnThePreviousStepsTraffic() {
    cluster();
    ActionResult promoted = releases.promote(NS, "api-vs", "<@U0APPROVER>", 50, 10, null, false);
    assertThat(promoted).as(promoted.toString()).isInstanceOf(ActionResult.Done.class);
    // Envoy follows the route within a second; the simulator is told at once.
    SimulatedMesh.CANARY_WEIGHT.set(50);
    // Until the step's own span reaches the whole window, every tick judges traffic that a
    // window reaching back past the promotion would have mixed with 10 % (the old false Watch).
    java.util.Set<Verdict.Kind> seen = java.util.EnumSet.noneOf(Verdict.Kind.class);
    Eventually.await("the step's span to reach the whole window", java.time.Duration.ofSeconds(60), () -> {
      analysis.tick();
      latest.of(release()).ifPresent(a -> seen.add(a.verdict().kind()));
      return analyzer.window(release());
    }, w -> w.isPresent() && w.get().equals(java.time.Duration.ofSeconds(20)));
    analysis.tick();
    seen.add(verdict().kind());

    assertThat(seen).as("verdicts after the promotion").doesNotContain(Verdict.Kind.Watch, Verdict.Kind.Breach)
        .contains(Verdict.Kind.Healthy);
    assertThat(alerts()).isEmpty();
    assertThat(mentions()).isEmpty();
    assertThat(latest.of(release()).orElseThrow().snapshot().canary().requests().getAsDouble()
        / (latest.of(release()).orElseThrow().snapshot().stable().requests().getAsDouble()
        + latest.of(release()).orElseThrow().snapshot().canary().requests().getAsDouble()))
        .as("the split the last tick saw").isCloseTo(0.50, within(0.05));
  }

  @Test
  @Order(5)
  void aWatchThatBecomesABreachIsOnePageEditedInPlaceWithOneMentionAndRollsBack() {
    cluster();
    // A hand-made CanaryRelease whose status lacks stepStartedAt sits beside the healthy one: it
    // must not keep the analysis from rolling the other back.
    CanaryReleaseResource broken = dev.canarybot.store.CanaryReleaseMapper.toResource(
        release().withStatus(release().status()));
    broken.getMetadata().setName("broken");
    client.resources(CanaryReleaseResource.class).inNamespace(NS).resource(broken).create();
    broken.getStatus().stepStartedAt = null;
    client.resources(CanaryReleaseResource.class).inNamespace(NS).resource(broken).updateStatus();
    // Errors build up: a little above stable's (a Watch), then past the rollback trigger.
    SimulatedMesh.api().profile("v2", VersionProfile.healthy().withErrorRate(0.007));
    Eventually.await("a Watch", () -> {
      analysis.tick();
      return verdict();
    }, v -> v.kind() == Verdict.Kind.Watch);
    FakeMessage page = Eventually.await("the Watch's page", this::alerts, list -> !list.isEmpty()).get(0);
    assertThat(page.text()).startsWith("<!here> ").contains("*Watch* on *api-vs*");
    SimulatedMesh.api().profile("v2", VersionProfile.healthy().withErrorRate(0.05));
    Eventually.await("the breach to be seen", () -> {
      analysis.tick();
      return release();
    }, r -> r.phase() != Phase.Progressing);

    // The tick that saw the breach rolled back: no interval passed in between.
    CanaryRelease r = release();
    assertThat(r.phase()).isEqualTo(Phase.RolledBack);
    assertThat(r.status().last().actor()).isEqualTo("canary-bot");
    assertThat(r.status().last().reason()).startsWith("automatic rollback: v2").contains("5xx rate")
        .doesNotContain("not available");
    // The episode is remembered once its alert went out.
    Eventually.await("the breach remembered", this::release, x -> x.status().lastVerdict().kind() == dev.canarybot.release.VerdictKind.Breach);
    assertThat(new ExampleCluster(client).virtualService("api-vs").at("/spec/http/0/route/1/weight").asInt()).isZero();
    assertThat(new ExampleCluster(client).virtualService("api-vs").at("/spec/http/0/route/0/weight").asInt()).isEqualTo(100);

    analysis.tick();
    analysis.tick();
    // One episode, one page: the Watch's message now tells the Breach and the rollback.
    FakeMessage edited = Eventually.await("the page edited", () -> FakeSlack.api()
        .message(FakeSlack.CHANNEL, page.ts()).orElseThrow(), m -> m.text().contains("*Breach*"));
    assertThat(edited.text()).contains("*Breach* on *api-vs*", "5xx rate", "Rolled back automatically")
        .doesNotContain("not available", "<!here>");
    assertThat(alerts()).as("top-level alert messages").hasSize(1);
    assertThat(mentions()).as("the bot rolled back: nobody must act, nobody is called again").hasSize(1);
    List<FakeMessage> thread = Eventually.await("the escalation in the page's thread", () -> FakeSlack.api()
        .channel(FakeSlack.CHANNEL).stream().filter(m -> page.ts().equals(m.threadTs())).toList(),
        list -> !list.isEmpty());
    assertThat(thread).hasSize(1);
    assertThat(thread.get(0).text()).contains("*Breach* on *api-vs*", "Rolled back automatically");
    assertThat(release().status().lastVerdict().page()).isEqualTo(
        new dev.canarybot.release.CardRef(FakeSlack.CHANNEL, page.ts()));
    SimulatedMesh.api().profile("v2", VersionProfile.healthy());

    // The broken one is marked Failed with why and told once, however often the resync runs.
    releases.resyncAll();
    releases.resyncAll();
    CanaryReleaseResource marked = client.resources(CanaryReleaseResource.class).inNamespace(NS)
        .withName("broken").get();
    assertThat(marked.getStatus().phase).isEqualTo("Failed");
    assertThat(marked.getStatus().unreadable).isEqualTo("CanaryRelease broken.default: status.stepStartedAt is missing");
    List<FakeMessage> told = Eventually.await("the unreadable release reported", () -> FakeSlack.api()
        .channel(FakeSlack.CHANNEL).stream().filter(m -> m.text().contains("CanaryRelease broken*")).toList(),
        list -> !list.isEmpty());
    assertThat(told).hasSize(1);
    assertThat(told.get(0).text()).contains("cannot be read and is marked Failed", "stepStartedAt is missing",
        "kubectl edit crel broken -n default");
    client.resources(CanaryReleaseResource.class).inNamespace(NS).withName("broken").delete();
  }

  @Test
  @Order(6)
  void withPrometheusGoneMetricsAreUnavailablePromotionIsBlockedAndNothingRollsBack() {
    cluster();
    SimulatedMesh.CANARY_WEIGHT.set(10);
    start();
    awaitTheStepsOwnWindow();
    SimulatedMesh.prometheus().stop();

    analysis.tick();
    analysis.tick();
    analysis.tick();

    assertThat(verdict().kind()).isEqualTo(Verdict.Kind.Inconclusive);
    assertThat(String.join(" ", verdict().reasons())).contains("metrics unavailable");
    List<FakeMessage> unavailable = Eventually.await("the metrics-unavailable alert",
        () -> FakeSlack.api().channel(FakeSlack.CHANNEL).stream()
            .filter(m -> m.text().contains("Metrics unavailable")).toList(), list -> !list.isEmpty());
    assertThat(unavailable).hasSize(1);
    ActionResult promote = releases.promote(NS, "api-vs", "<@U0APPROVER>", 0, -1, null, false);
    assertThat(((ActionResult.Refused) promote).reason()).contains("metrics unavailable");
    assertThat(release().phase()).isEqualTo(Phase.Progressing);
    assertThat(release().weight()).isEqualTo(10);
  }
}
