package dev.canarybot.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.release.CleanupMode;
import dev.canarybot.release.Phase;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.service.port.ReleaseNotifier;
import dev.canarybot.service.port.ResolvedTarget;
import dev.canarybot.service.port.RouteWeights;
import dev.canarybot.service.port.TargetException;
import dev.canarybot.service.port.TargetQuery;
import dev.canarybot.service.port.TargetResolver;
import dev.canarybot.service.port.WorkloadPermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The use cases against in-memory ports: fast, and every rule of the service in view. */
class ReleaseServiceTest {
  static final ReleaseTarget TARGET = new ReleaseTarget("default", "api-vs", "primary",
      "api-service.default.svc.cluster.local", "v1", "v2", "api-v1", "api-v2");

  final InMemoryReleaseStore store = new InMemoryReleaseStore();
  final FakeTrafficRouter router = new FakeTrafficRouter();
  final FakeWorkloads workloads = new FakeWorkloads();
  final RecordingEvents events = new RecordingEvents();
  final List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
  final ReleaseNotifier notifier = (release, entry, outcome) -> told.add(entry.action().word() + " " + release.weight());
  final Clock clock = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
  PromotionGates gates = r -> List.of();
  TargetResolver resolver = q -> new ResolvedTarget("api-vs", TARGET, router.read(TARGET));
  WorkloadPermissions permissions = ns -> true;
  final ExecutorService pool = Executors.newFixedThreadPool(20);

  ReleaseService service() {
    Reconciler reconciler = new Reconciler(router, resolver, workloads, store, events, clock);
    return new ReleaseService(store, resolver, reconciler, events, notifier, gates, permissions,
        dev.canarybot.testing.Preflights.passing(resolver, new TestConfig()), new TestConfig(), clock);
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  ActionResult start() {
    return service().start(new StartRequest("alice",
        new TargetQuery("default", "api-vs", null, null, null), null, true));
  }

  @Test
  void theRecordOfTheAppliedWeightIsRetriedWhenARacingWriteTakesItsVersion() {
    start();
    // The card is attached (a bookkeeping write) between the route write and its record.
    router.afterNextWrite = () -> service().attachCard("default", "api-vs",
        new dev.canarybot.release.CardRef("C1", "1700000000.000100"));
    service().promote("default", "api-vs", "bob", 0, 10, null, false);

    assertThat(store.get("api-vs").status().appliedWeight()).isEqualTo(50);
    assertThat(store.get("api-vs").status().card()).isNotNull();
    // The next move is the bot's own, however soon it comes: no drift, no pause.
    service().promote("default", "api-vs", "bob", 0, 50, null, false);
    assertThat(store.get("api-vs").phase()).isEqualTo(Phase.Promoted);
    assertThat(router.weights).isEqualTo(new RouteWeights(0, 100, true));
  }

  @Test
  void startSplitsNinetyTenAndRecordsTheWeightAsApplied() {
    ActionResult result = start();

    assertThat(result).isInstanceOf(ActionResult.Done.class);
    assertThat(router.weights).isEqualTo(new RouteWeights(90, 10, true));
    assertThat(store.get("api-vs").status().appliedWeight()).isEqualTo(10);
    assertThat(((ActionResult.Done) result).outcome())
        .isEqualTo("VirtualService api-vs.default route primary now 90/10 (v1/v2)");
    assertThat(events.lines).containsExactly("start: canary v2 at 10 %, plan 10 → 50 → 100");
  }

  @Test
  void theWholeWalkEndsWithTheOldVersionScaledToZero() {
    start();
    ReleaseService s = service();
    s.promote("default", "api-vs", "bob", 0, -1, null, false);
    assertThat(router.weights).isEqualTo(new RouteWeights(50, 50, true));
    s.promote("default", "api-vs", "bob", 0, -1, null, false);
    assertThat(router.weights).isEqualTo(new RouteWeights(0, 100, true));
    assertThat(store.get("api-vs").phase()).isEqualTo(Phase.Promoted);

    ActionResult cleaned = s.cleanup("default", "api-vs", "bob", CleanupMode.SCALE_TO_ZERO, false);

    assertThat(((ActionResult.Done) cleaned).outcome())
        .isEqualTo("Deployment api-v1 scaled to 0; its route entry stays at weight 0");
    assertThat(workloads.calls).containsExactly("scale default/api-v1 0");
    assertThat(store.get("api-vs").status().last().action().word()).isEqualTo("retired");
    assertThat(told).containsExactly("start 10", "promote 50", "promote 100", "cleanup 100", "retired 100");
    assertThat(router.stableDropped).isFalse();
    // A resync later leaves the old version alone: a person may scale it back on purpose.
    s.resyncAll();
    assertThat(workloads.calls).hasSize(1);
  }

  @Test
  void cleanupByDeleteDeletesTheDeploymentThenDropsItsDestination() {
    start();
    service().promote("default", "api-vs", "bob", 100, -1, null, false);
    service().cleanup("default", "api-vs", "bob", CleanupMode.DELETE, false);
    assertThat(router.stableDropped).isTrue();
    assertThat(workloads.calls).containsExactly("delete default/api-v1");
  }

  @Test
  void aDeleteTheApiServerRefusesLeavesTheRouteAsItWasAndIsCountedOnOneEvent() {
    start();
    service().promote("default", "api-vs", "bob", 100, -1, null, false);
    workloads.deleteRefusal = new dev.canarybot.service.port.TargetException(
        "Deployment api-v1.default delete failed: HTTP 403");
    service().cleanup("default", "api-vs", "bob", CleanupMode.DELETE, false);
    service().resyncAll();
    service().resyncAll();

    assertThat(router.stableDropped).isFalse();
    assertThat(router.weights).isEqualTo(new RouteWeights(0, 100, true));
    assertThat(events.lines).filteredOn(l -> l.startsWith("CleanupFailed")).hasSize(3);
  }

  @Test
  void aDeleteCleanupIsRefusedWhereTheBotMayNotDelete() {
    start();
    service().promote("default", "api-vs", "bob", 100, -1, null, false);
    permissions = ns -> false;
    ActionResult r = service().cleanup("default", "api-vs", "bob", CleanupMode.DELETE, false);

    assertThat(((ActionResult.Refused) r).reason()).isEqualTo("canary-bot may not delete Deployments in "
        + "default (its Role does not grant it; the deployment-delete component of manifests/ does). "
        + "Clean up by scaling to 0 instead: `/canary cleanup api-vs -n default`");
    assertThat(store.get("api-vs").phase()).isEqualTo(Phase.Promoted);
    assertThat(workloads.calls).isEmpty();
  }

  @Test
  void aCleanupOfADeploymentItsSubsetDoesNotRunFailsTheReleaseAndRetiresNothing() {
    start();
    service().promote("default", "api-vs", "bob", 100, -1, null, false);
    TargetResolver real = resolver;
    resolver = new TargetResolver() {
      public ResolvedTarget resolve(TargetQuery q) { return real.resolve(q); }
      public java.util.Optional<String> workloadMismatch(ReleaseTarget t) {
        return java.util.Optional.of("Deployment api-v1.default does not run subset v1 of " + t.host());
      }
    };
    service().cleanup("default", "api-vs", "bob", CleanupMode.SCALE_TO_ZERO, false);

    assertThat(workloads.calls).isEmpty();
    assertThat(store.get("api-vs").phase()).isEqualTo(Phase.Failed);
    assertThat(store.get("api-vs").status().last().reason())
        .isEqualTo("Deployment api-v1.default does not run subset v1 of api-service.default.svc.cluster.local; nothing was retired");
    service().resyncAll();
    assertThat(workloads.calls).isEmpty();
  }

  @Test
  void rollbackFromFiftySendsEverythingBack() {
    start();
    service().promote("default", "api-vs", "bob", 0, -1, null, false);
    ActionResult r = service().rollback("default", "api-vs", "carol", "p99 doubled", -1);
    assertThat(router.weights).isEqualTo(new RouteWeights(100, 0, true));
    assertThat(((ActionResult.Done) r).entry().reason()).isEqualTo("p99 doubled");
    assertThat(store.get("api-vs").phase()).isEqualTo(Phase.RolledBack);
  }

  @Test
  void twentyRacingClicksMakeExactlyOneTransition() throws Exception {
    start();
    ReleaseService s = service();
    CountDownLatch go = new CountDownLatch(1);
    List<Callable<ActionResult>> clicks = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String who = "user" + i;
      clicks.add(() -> {
        go.await();
        return who.hashCode() % 2 == 0
            ? s.promote("default", "api-vs", who, 0, 10, null, false)
            : s.rollback("default", "api-vs", who, null, 10);
      });
    }
    List<Future<ActionResult>> futures = new ArrayList<>();
    for (Callable<ActionResult> c : clicks) {
      futures.add(pool.submit(c));
    }
    go.countDown();
    int done = 0;
    List<String> refusals = new ArrayList<>();
    for (Future<ActionResult> f : futures) {
      ActionResult r = f.get();
      if (r instanceof ActionResult.Done) {
        done++;
      } else {
        refusals.add(((ActionResult.Refused) r).reason());
      }
    }
    assertThat(done).isEqualTo(1);
    assertThat(refusals).hasSize(19).allSatisfy(reason -> assertThat(reason)
        .containsAnyOf("already at 50 %", "rolled back by", "already rolled back",
            "not rolled back: api-vs is at 50 % now", "changed while this was decided"));
    assertThat(store.get("api-vs").status().history()).hasSize(2);
    assertThat(router.weights.stable() + router.weights.canary()).isEqualTo(100);
  }

  @Test
  void driftPausesTheReleaseAndLeavesTheRouteAlone() {
    start();
    router.editByHand(70, 30);
    int writes = router.writes.get();

    service().resyncAll();

    assertThat(store.get("api-vs").phase()).isEqualTo(Phase.Paused);
    assertThat(store.get("api-vs").status().drifted()).isTrue();
    assertThat(router.weights).isEqualTo(new RouteWeights(70, 30, true));
    assertThat(router.writes.get()).isEqualTo(writes);
    assertThat(told).containsExactly("start 10", "drift 10");
    assertThat(events.lines).last().asString()
        .isEqualTo("drift: weights changed outside canary-bot: expected 90/10, found 70/30; paused, nothing overwritten");

    // Nothing more happens while paused, and a promote is refused with the reason.
    service().resyncAll();
    assertThat(router.weights).isEqualTo(new RouteWeights(70, 30, true));
    assertThat(((ActionResult.Refused) service().promote("default", "api-vs", "bob", 0, -1, null, false)).reason())
        .contains("resume it first");
  }

  @Test
  void resumeAfterDriftTakesTheRouteBack() {
    start();
    router.editByHand(70, 30);
    service().resyncAll();

    ActionResult r = service().resume("default", "api-vs", "bob");

    assertThat(router.weights).isEqualTo(new RouteWeights(90, 10, true));
    assertThat(store.get("api-vs").phase()).isEqualTo(Phase.Progressing);
    assertThat(((ActionResult.Done) r).outcome()).contains("now 90/10");
  }

  @Test
  void aCrashBetweenStoringAndWritingTheRouteConvergesOnResync() {
    start();
    router.failNextWrites.set(1);

    ActionResult r = service().promote("default", "api-vs", "bob", 0, -1, null, false);

    assertThat(((ActionResult.Done) r).outcome()).startsWith("recorded, but VirtualService api-vs.default")
        .endsWith("the resync will try again");
    assertThat(store.get("api-vs").weight()).isEqualTo(50);
    assertThat(router.weights).isEqualTo(new RouteWeights(90, 10, true));

    service().resyncAll();

    assertThat(router.weights).isEqualTo(new RouteWeights(50, 50, true));
    assertThat(store.get("api-vs").status().appliedWeight()).isEqualTo(50);
    assertThat(store.get("api-vs").phase()).isEqualTo(Phase.Progressing);
  }

  @Test
  void aVanishedRouteFailsTheRelease() {
    start();
    router.gone = true;
    service().resyncAll();
    assertThat(store.get("api-vs").phase()).isEqualTo(Phase.Failed);
    assertThat(store.get("api-vs").status().last().reason()).contains("not found");
  }

  @Test
  void aSecondStartOnTheSameRouteIsRefusedWithTheRunningOne() {
    start();
    // Another name for the same route (e.g. resolved through a second VirtualService name).
    resolver = q -> new ResolvedTarget("api-vs-other", TARGET, router.read(TARGET));
    ActionResult r = service().start(new StartRequest("alice",
        new TargetQuery("default", "api-vs-alias", null, null, null), null, true));
    assertThat(((ActionResult.Refused) r).reason()).isEqualTo(
        "cannot start: canary api-vs (v1 90 % / v2 10 %, Progressing) is already running on "
            + "VirtualService api-vs.default route primary; one canary at a time per route. "
            + "Promote, roll back or clean it up first.");
  }

  @Test
  void aStartThatCannotResolveChangesNothing() {
    resolver = q -> {
      throw new TargetException("VirtualService nope.default not found; found: api-vs");
    };
    ActionResult r = start();
    assertThat(((ActionResult.Refused) r).reason())
        .isEqualTo("cannot start: VirtualService nope.default not found; found: api-vs");
    assertThat(store.listAll()).isEmpty();
    assertThat(router.writes.get()).isZero();
  }

  @Test
  void badStepsAreRefusedBeforeAnythingIsRead() {
    ActionResult r = service().start(new StartRequest("alice",
        new TargetQuery("default", "api-vs", null, null, null), List.of(50, 10), true));
    assertThat(((ActionResult.Refused) r).reason()).startsWith("step 10 does not increase on 50");
    assertThat(store.listAll()).isEmpty();
  }

  @Test
  void theCardIsRememberedAcrossTransitions() {
    start();
    service().attachCard("default", "api-vs", new dev.canarybot.release.CardRef("C1", "1700000000.000100"));
    service().promote("default", "api-vs", "bob", 0, -1, null, false);
    assertThat(store.get("api-vs").status().card().ts()).isEqualTo("1700000000.000100");
  }

  @Test
  void actingOnAnUnknownReleaseNamesTheOnesThatExist() {
    start();
    ActionResult r = service().promote("default", "web-vs", "bob", 0, -1, null, false);
    assertThat(((ActionResult.Refused) r).reason())
        .isEqualTo("there is no canary release web-vs in namespace default (there are: api-vs)");
  }

  @Test
  void failedGatesBlockPromotionUnlessAnApproverOverrides() {
    start();
    gates = r -> List.of("observed 5m of the required 30m", "need about 1,900 more requests");

    ActionResult refused = service().promote("default", "api-vs", "bob", 0, -1, null, false);
    assertThat(((ActionResult.Refused) refused).reason()).isEqualTo("cannot promote api-vs yet: "
        + "observed 5m of the required 30m; need about 1,900 more requests. An approver may "
        + "override with `/canary promote api-vs --force`.");
    assertThat(router.weights).isEqualTo(new RouteWeights(90, 10, true));

    ActionResult forced = service().promote("default", "api-vs", "bob", 0, -1, null, true);
    assertThat(((ActionResult.Done) forced).entry().reason()).isEqualTo("promoted by override despite: "
        + "observed 5m of the required 30m; need about 1,900 more requests");
    assertThat(router.weights).isEqualTo(new RouteWeights(50, 50, true));
  }
}
