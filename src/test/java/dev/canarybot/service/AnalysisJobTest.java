package dev.canarybot.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.analysis.AlertPage;
import dev.canarybot.analysis.MetricSnapshot;
import dev.canarybot.analysis.Verdict;
import dev.canarybot.analysis.VersionMetrics;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CardRef;
import dev.canarybot.release.LastVerdict;
import dev.canarybot.release.Phase;
import dev.canarybot.release.VerdictKind;
import dev.canarybot.service.port.AlertDelivery;
import dev.canarybot.service.port.Analysis;
import dev.canarybot.service.port.AutoRollback;
import dev.canarybot.service.port.FreezeStore;
import dev.canarybot.service.port.MetricsSource;
import dev.canarybot.service.port.ReleaseNotifier;
import dev.canarybot.service.port.ResolvedTarget;
import dev.canarybot.service.port.TargetQuery;
import dev.canarybot.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The analysis job's decisions over ticks, with scripted verdicts: which episode is told, what
 * the bot does on a breach, and that an alert counts only once Slack took it.
 */
class AnalysisJobTest {
  final InMemoryReleaseStore store = new InMemoryReleaseStore();
  final FakeTrafficRouter router = new FakeTrafficRouter();
  final RecordingEvents events = new RecordingEvents();
  final MutableClock clock = new MutableClock();
  final List<String> reminders = new CopyOnWriteArrayList<>();
  final List<String> deadlines = new CopyOnWriteArrayList<>();
  TestConfig config = new TestConfig();
  /**
   * Every alert and recovery, as "alert Breach DONE post mention" (how the page is told, whether
   * it calls people) or "recovered on page 1" (the page it was told on).
   */
  final List<String> told = new CopyOnWriteArrayList<>();
  final List<AutoRollback> rollbacks = new CopyOnWriteArrayList<>();
  /** How the next alerts are answered: true delivered, false given up. */
  final List<Boolean> deliveries = new ArrayList<>();
  Verdict.Kind next = Verdict.Kind.Healthy;
  List<String> blockers = List.of();
  final AtomicInteger pages = new AtomicInteger();

  final ReleaseNotifier notifier = new ReleaseNotifier() {
    @Override
    public void transitioned(CanaryRelease release, dev.canarybot.release.HistoryEntry entry, String outcome) {}

    @Override
    public CompletionStage<AlertDelivery> alert(CanaryRelease release, Analysis analysis,
        AutoRollback rollback, AlertPage plan) {
      told.add("alert " + analysis.verdict().kind() + " " + rollback.outcome()
          + (plan.posts() ? " post" : " edit " + plan.page().ts()) + (plan.mention() ? " mention" : " quiet"));
      rollbacks.add(rollback);
      if (!deliveries.isEmpty() && !deliveries.remove(0)) {
        return CompletableFuture.completedFuture(AlertDelivery.NOT_DELIVERED);
      }
      CardRef page = plan.posts() ? new CardRef("C1", "page" + pages.incrementAndGet()) : plan.page();
      return CompletableFuture.completedFuture(AlertDelivery.at(page));
    }

    @Override
    public void remind(CanaryRelease release, String text) {
      reminders.add(text);
    }

    @Override
    public void deadline(CanaryRelease release, String text) {
      deadlines.add(text);
    }

    @Override
    public void recovered(CanaryRelease release, Analysis analysis, LastVerdict episode) {
      told.add("recovered on " + (episode.page() == null ? "the card" : episode.page().ts()));
    }
  };

  ReleaseService service() {
    Reconciler reconciler = new Reconciler(router, q -> { throw new AssertionError(); }, new FakeWorkloads(), store, events, clock);
    return new ReleaseService(store, q -> new ResolvedTarget("api-vs", ReleaseServiceTest.TARGET,
        router.read(ReleaseServiceTest.TARGET)), reconciler, events, notifier, r -> List.of(),
        ns -> true, dev.canarybot.testing.Preflights.passing(q -> null, new TestConfig()), new TestConfig(), clock);
  }

  /** The analyzer answers whatever {@link #next} says, with empty numbers. */
  AnalysisJob job() {
    ReleaseAnalyzer scripted = new ReleaseAnalyzer(null, new TestConfig(), clock) {
      @Override
      public Map<String, Analysis> analyze(List<CanaryRelease> releases) {
        Map<String, Analysis> out = new LinkedHashMap<>();
        for (CanaryRelease r : releases) {
          MetricSnapshot s = new MetricSnapshot(clock.instant(), Duration.ofMinutes(5),
              VersionMetrics.empty("v1"), VersionMetrics.empty("v2"), null);
          out.put(MetricsSource.key(r), new Analysis(s, new Verdict(next, List.of(next + " finding"),
              blockers), r.weight()));
        }
        return out;
      }
    };
    return new AnalysisJob(store, scripted, service(), notifier, new LatestAnalysis(), () -> true,
        router, new TestConfig(), clock, new Nudges(store, notifier, new Policies(FreezeStore.NONE, config), clock));
  }

  void start(boolean autoRollback) {
    service().start(new StartRequest("alice", new TargetQuery("default", "api-vs", null, null, null),
        null, autoRollback));
  }

  CanaryRelease release() {
    return store.get("api-vs");
  }

  @Test
  void aWatchThatWorsensToBreachNobodyRollsBackCallsAgainOnTheSamePageAndRecoversThere() {
    start(false);
    AnalysisJob job = job();
    next = Verdict.Kind.Watch;
    job.tick();
    job.tick();
    next = Verdict.Kind.Breach;
    job.tick();
    next = Verdict.Kind.Healthy;
    job.tick();
    job.tick();

    assertThat(told).containsExactly("alert Watch NOT_TRIED post mention",
        "alert Breach NOT_TRIED edit page1 mention", "recovered on page1");
    assertThat(release().phase()).as("auto-rollback is off").isEqualTo(Phase.Progressing);
    assertThat(release().status().lastVerdict().kind()).isEqualTo(VerdictKind.Healthy);
    assertThat(release().status().lastVerdict().page()).as("the episode is over").isNull();
  }

  @Test
  void aWatchThatWorsensToABreachTheBotRollsBackEditsThePageWithoutCallingAgain() {
    start(true);
    AnalysisJob job = job();
    next = Verdict.Kind.Watch;
    job.tick();
    assertThat(release().status().lastVerdict().page()).isEqualTo(new CardRef("C1", "page1"));
    next = Verdict.Kind.Breach;
    job.tick();

    assertThat(told).containsExactly("alert Watch NOT_TRIED post mention", "alert Breach DONE edit page1 quiet");
    assertThat(release().phase()).isEqualTo(Phase.RolledBack);
    assertThat(release().status().lastVerdict().kind()).isEqualTo(VerdictKind.Breach);
    assertThat(release().status().lastVerdict().page()).isEqualTo(new CardRef("C1", "page1"));
  }

  @Test
  void aNewEpisodeAfterARecoveryGetsAPageOfItsOwn() {
    start(false);
    AnalysisJob job = job();
    next = Verdict.Kind.Watch;
    job.tick();
    next = Verdict.Kind.Healthy;
    job.tick();
    next = Verdict.Kind.Watch;
    job.tick();

    assertThat(told).containsExactly("alert Watch NOT_TRIED post mention", "recovered on page1",
        "alert Watch NOT_TRIED post mention");
    assertThat(release().status().lastVerdict().page()).isEqualTo(new CardRef("C1", "page2"));
  }

  @Test
  void aBreachRollsBackInTheTickThatSeesItAndTheAlertSaysSo() {
    start(true);
    next = Verdict.Kind.Breach;
    job().tick();

    assertThat(told).containsExactly("alert Breach DONE post mention");
    assertThat(release().phase()).isEqualTo(Phase.RolledBack);
    assertThat(router.weights.canary()).isZero();
  }

  @Test
  void aFailedAutomaticRollbackIsToldOnceWithTheCommandToRunByHand() {
    start(true);
    router.failNextWrites.set(1);
    next = Verdict.Kind.Breach;
    AnalysisJob job = job();
    job.tick();
    job.tick();

    assertThat(told).containsExactly("alert Breach FAILED post mention");
    AutoRollback failed = rollbacks.get(0);
    assertThat(failed.reason()).contains("update to 100/0 failed: connection reset; the resync will try again");
    assertThat(failed.byHand()).startsWith("kubectl -n default edit virtualservice api-vs")
        .contains("v1 weight 100, v2 weight 0");
    // The rollback is stored; the resync finishes the route write.
    assertThat(release().phase()).isEqualTo(Phase.RolledBack);
    service().resyncAll();
    assertThat(router.weights.canary()).isZero();
  }

  @Test
  void anAlertSlackDidNotTakeIsSentAgainAndTheEpisodeIsRememberedOnlyThen() {
    start(false);
    deliveries.add(false);
    next = Verdict.Kind.Watch;
    AnalysisJob job = job();
    job.tick();
    assertThat(release().status().lastVerdict()).isNull();
    job.tick();
    job.tick();

    assertThat(told).containsExactly("alert Watch NOT_TRIED post mention", "alert Watch NOT_TRIED post mention");
    assertThat(release().status().lastVerdict().kind()).isEqualTo(VerdictKind.Watch);
    // plain text for kubectl: label, the one reason, no blockers; no emoji, no mrkdwn
    assertThat(release().status().lastVerdict().summary()).isEqualTo("Watch: Watch finding · gates pass");
  }

  @Test
  void aNewLeaderDoesNotAlertAgainForAnEpisodeTheReleaseRemembers() {
    start(false);
    next = Verdict.Kind.Breach;
    job().tick();
    assertThat(release().status().lastVerdict().kind()).isEqualTo(VerdictKind.Breach);

    AnalysisJob newLeader = job();
    newLeader.tick();
    newLeader.tick();

    assertThat(told).containsExactly("alert Breach NOT_TRIED post mention");
  }

  @Test
  void aNewLeaderTellsTheRecoveryOfAnEpisodeTheReleaseRemembers() {
    start(false);
    next = Verdict.Kind.Watch;
    job().tick();

    AnalysisJob newLeader = job();
    next = Verdict.Kind.Healthy;
    newLeader.tick();
    newLeader.tick();

    assertThat(told).as("the page is read from the release").containsExactly(
        "alert Watch NOT_TRIED post mention", "recovered on page1");
  }

  @Test
  void noDataKeepsAnOpenEpisodeOpen() {
    start(false);
    AnalysisJob job = job();
    next = Verdict.Kind.Watch;
    job.tick();
    next = Verdict.Kind.Inconclusive;
    job.tick();
    next = Verdict.Kind.Watch;
    job.tick();

    assertThat(told).containsExactly("alert Watch NOT_TRIED post mention");
    assertThat(told.stream().collect(Collectors.joining())).doesNotContain("recovered");
    assertThat(release().status().lastVerdict()).extracting(LastVerdict::kind).isEqualTo(VerdictKind.Watch);
  }

  @Test
  void passedGatesNobodyActsOnRemindTheApproversOnceWithinRemindEvery() {
    start(false);
    AnalysisJob job = job();
    job.tick();
    clock.advance(Duration.ofMinutes(29));
    job.tick();
    assertThat(reminders).isEmpty();
    clock.advance(Duration.ofMinutes(1));
    job.tick();
    assertThat(reminders).containsExactly("gates passed 30m ago and nobody has acted — promote api-vs to 50 %?");
    clock.advance(Duration.ofMinutes(90));
    job.tick();
    assertThat(reminders).as("within remind-every (2h)").hasSize(1);
    // A new leader reads what was told from the release: no second reminder either.
    job().tick();
    assertThat(reminders).hasSize(1);
    clock.advance(Duration.ofMinutes(30));
    job.tick();
    assertThat(reminders).hasSize(2);
    assertThat(release().status().nudge().remindedAt()).isEqualTo(clock.instant());
  }

  @Test
  void aStepStuckPastItsDeadlineIsReportedOnceWithWhatBlocksIt() {
    start(false);
    next = Verdict.Kind.Inconclusive;
    blockers = List.of("need about 1,900 more requests to v2");
    AnalysisJob job = job();
    clock.advance(Duration.ofHours(24).plusMinutes(1));
    job.tick();
    job.tick();

    assertThat(deadlines).containsExactly("api-vs has been at 10 % for 24h01m, past the step deadline of 24h00m, "
        + "without passing its gates: need about 1,900 more requests to v2. Fix what blocks it, promote "
        + "with --force, or roll back.");
    assertThat(release().phase()).as("report only, by default").isEqualTo(Phase.Progressing);
  }

  @Test
  void withDeadlineActionRollbackTheStuckStepIsRolledBack() {
    config = new TestConfig() {
      @Override public String deadlineAction() { return "rollback"; }
    };
    start(false);
    next = Verdict.Kind.Inconclusive;
    blockers = List.of("no requests to v2");
    clock.advance(Duration.ofHours(25));
    job().tick();

    assertThat(deadlines).singleElement().asString().endsWith("Rolling it back (canary.deadline-action=rollback).");
    assertThat(release().phase()).isEqualTo(Phase.RolledBack);
    assertThat(release().status().last().reason()).isEqualTo("step deadline passed at 10 % without passing the gates");
    assertThat(router.weights.canary()).isZero();
  }
}
