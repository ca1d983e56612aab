package dev.canarybot.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CleanupMode;
import dev.canarybot.release.Command;
import dev.canarybot.release.Decision;
import dev.canarybot.release.Phase;
import dev.canarybot.release.ReleaseStateMachine;
import dev.canarybot.service.port.ReleaseStore;
import dev.canarybot.service.port.StoredRelease;
import dev.canarybot.service.port.TargetQuery;
import dev.canarybot.service.port.TrafficRouter;
import dev.canarybot.store.CanaryReleaseResource;
import dev.canarybot.testing.AllowsDeletes;
import dev.canarybot.testing.CrdInstaller;
import dev.canarybot.testing.ExampleCluster;
import dev.canarybot.testing.MutableClock;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The release engine end to end against the CRUD API server holding the example app: the
 * CanaryRelease resource, the VirtualService and the Deployments as a cluster would have them.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = AllowsDeletes.class)
class ReleaseFlowTest {
  static final String NS = "default";

  @Inject KubernetesClient client;
  @Inject ReleaseService service;
  @Inject ReleaseStore store;
  @Inject TrafficRouter router;
  @Inject MutableClock clock;

  ExampleCluster cluster;

  @BeforeEach
  void freshCluster() {
    CrdInstaller.install(client);
    client.resources(CanaryReleaseResource.class).inNamespace(NS).delete();
    cluster = new ExampleCluster(client).reset();
    clock.set(MutableClock.START);
  }

  ActionResult.Done start() {
    ActionResult r = service.start(new StartRequest("<@U0OPERATOR>",
        new TargetQuery(NS, "api-vs", null, null, null), null, true));
    assertThat(r).as(r.toString()).isInstanceOf(ActionResult.Done.class);
    return (ActionResult.Done) r;
  }

  /** "stable/canary" as the VirtualService in the API server has them now. */
  String routeWeights() {
    ArrayNode route = (ArrayNode) cluster.virtualService("api-vs").at("/spec/http/0/route");
    List<String> weights = new ArrayList<>();
    route.forEach(d -> weights.add(d.path("destination").path("subset").asText() + "=" + d.path("weight").asInt()));
    return String.join(",", weights);
  }

  CanaryRelease stored() {
    return store.find(NS, "api-vs").orElseThrow().release();
  }

  List<String> actions() {
    return stored().status().history().stream().map(e -> e.action().word()).collect(Collectors.toList());
  }

  @Test
  void tenFiftyHundredThenCleanupScalesTheOldVersionToZero() {
    ActionResult.Done started = start();
    assertThat(started.release().target().stableWorkload()).isEqualTo("api-v1");
    assertThat(routeWeights()).isEqualTo("v1=90,v2=10");

    service.promote(NS, "api-vs", "<@U0APPROVER>", 0, 10, null, false);
    assertThat(routeWeights()).isEqualTo("v1=50,v2=50");
    service.promote(NS, "api-vs", "<@U0APPROVER>", 0, 50, null, false);
    assertThat(routeWeights()).isEqualTo("v1=0,v2=100");
    assertThat(stored().phase()).isEqualTo(Phase.Promoted);

    // Cleanup opens after a day at 100 %.
    ActionResult early = service.cleanup(NS, "api-vs", "<@U0APPROVER>", CleanupMode.SCALE_TO_ZERO, false);
    assertThat(((ActionResult.Refused) early).reason()).startsWith("cannot clean up yet");
    clock.advance(Duration.ofHours(25));
    service.cleanup(NS, "api-vs", "<@U0APPROVER>", CleanupMode.SCALE_TO_ZERO, false);

    assertThat(client.apps().deployments().inNamespace(NS).withName("api-v1").get().getSpec().getReplicas()).isZero();
    assertThat(client.apps().deployments().inNamespace(NS).withName("api-v2").get().getSpec().getReplicas()).isPositive();
    assertThat(routeWeights()).isEqualTo("v1=0,v2=100");
    assertThat(stored().phase()).isEqualTo(Phase.CleanedUp);
    assertThat(actions()).containsExactly("start", "promote", "promote", "cleanup", "retired");
    assertThat(client.v1().events().inNamespace(NS).list().getItems())
        .extracting(e -> e.getInvolvedObject().getName()).contains("api-vs");
  }

  @Test
  void cleanupByDeleteRemovesTheDeploymentAndItsRouteEntry() {
    start();
    service.promote(NS, "api-vs", "<@U0APPROVER>", 100, -1, "hotfix", false);
    service.cleanup(NS, "api-vs", "<@U0APPROVER>", CleanupMode.DELETE, true);

    assertThat(client.apps().deployments().inNamespace(NS).withName("api-v1").get()).isNull();
    assertThat(routeWeights()).isEqualTo("v2=100");
    assertThat(stored().status().last().reason())
        .isEqualTo("Deployment api-v1 deleted and subset v1 dropped from the route");
  }

  @Test
  void rollbackAtTenSendsEverythingBack() {
    start();
    ActionResult r = service.rollback(NS, "api-vs", "<@U0OPERATOR>", "p99 doubled", -1);
    assertThat(r).isInstanceOf(ActionResult.Done.class);
    assertThat(routeWeights()).isEqualTo("v1=100,v2=0");
    assertThat(stored().phase()).isEqualTo(Phase.RolledBack);
    assertThat(stored().status().last().reason()).isEqualTo("p99 doubled");
  }

  @Test
  void twentyConcurrentClicksYieldExactlyOneTransition() throws Exception {
    start();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<ActionResult>> results = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String who = "<@U" + i + ">";
        boolean promote = i % 2 == 0;
        results.add(pool.submit(() -> {
          go.await();
          return promote
              ? service.promote(NS, "api-vs", who, 0, 10, null, false)
              : service.rollback(NS, "api-vs", who, null, 10);
        }));
      }
      go.countDown();
      int done = 0;
      List<String> refusals = new ArrayList<>();
      for (Future<ActionResult> f : results) {
        ActionResult r = f.get();
        if (r instanceof ActionResult.Done) {
          done++;
        } else {
          refusals.add(((ActionResult.Refused) r).reason());
        }
      }
      assertThat(done).isEqualTo(1);
      assertThat(refusals).hasSize(19).allSatisfy(reason -> assertThat(reason).containsAnyOf(
          "already at 50 %", "rolled back by", "not rolled back", "changed while this was decided"));
    } finally {
      pool.shutdownNow();
    }
    assertThat(stored().status().history()).hasSize(2);
    String weights = routeWeights();
    assertThat(weights).isIn("v1=50,v2=50", "v1=100,v2=0");
  }

  @Test
  void aHandEditIsReportedAsDriftAndNotOverwritten() {
    start();
    ObjectNode vs = cluster.virtualService("api-vs");
    ((ObjectNode) vs.at("/spec/http/0/route/0")).put("weight", 70);
    ((ObjectNode) vs.at("/spec/http/0/route/1")).put("weight", 30);
    cluster.replaceVirtualService(vs);

    service.resyncAll();

    assertThat(stored().phase()).isEqualTo(Phase.Paused);
    assertThat(stored().status().drifted()).isTrue();
    assertThat(stored().status().last().reason()).isEqualTo(
        "weights changed outside canary-bot: expected 90/10, found 70/30; paused, nothing overwritten");
    assertThat(routeWeights()).isEqualTo("v1=70,v2=30");
    service.resyncAll();
    assertThat(routeWeights()).isEqualTo("v1=70,v2=30");
  }

  @Test
  void aCrashBetweenStoringAndRoutingConvergesOnTheNextResync() {
    start();
    // The promotion is stored, then the process dies before it writes the VirtualService.
    StoredRelease before = store.find(NS, "api-vs").orElseThrow();
    Decision.Accepted promoted = (Decision.Accepted) ReleaseStateMachine.decide(before.release(),
        new Command.Promote("<@U0APPROVER>", 0, 10, null), clock.instant());
    store.update(before, promoted.release());
    assertThat(routeWeights()).isEqualTo("v1=90,v2=10");

    service.resyncAll();

    assertThat(routeWeights()).isEqualTo("v1=50,v2=50");
    assertThat(stored().status().appliedWeight()).isEqualTo(50);
    assertThat(stored().phase()).isEqualTo(Phase.Progressing);
  }

  @Test
  void aStableOnlyRouteGetsTheCanaryDestinationAdded() {
    ObjectNode vs = cluster.virtualService("api-vs");
    ArrayNode route = (ArrayNode) vs.at("/spec/http/0/route");
    route.remove(1);
    ((ObjectNode) route.get(0)).remove("weight");
    cluster.replaceVirtualService(vs);

    ActionResult.Done started = start();

    assertThat(started.release().target().canarySubset()).isEqualTo("v2");
    assertThat(routeWeights()).isEqualTo("v1=90,v2=10");
  }

  @Test
  void aSecondStartOnARunningRouteIsRefusedAndChangesNothing() {
    start();
    service.promote(NS, "api-vs", "<@U0APPROVER>", 0, -1, null, false);
    ActionResult again = service.start(new StartRequest("<@U0OPERATOR>",
        new TargetQuery(NS, "api-vs", null, null, null), null, true));
    assertThat(((ActionResult.Refused) again).reason()).startsWith("cannot start: canary api-vs")
        .contains("is already running");
    assertThat(routeWeights()).isEqualTo("v1=50,v2=50");
  }

  @Test
  void anUnknownVirtualServiceIsRefusedAndNothingIsCreated() {
    ActionResult r = service.start(new StartRequest("<@U0OPERATOR>",
        new TargetQuery(NS, "web-vs", null, null, null), null, true));
    assertThat(((ActionResult.Refused) r).reason()).startsWith("cannot start: ").contains("web-vs").contains("api-vs");
    assertThat(store.list(NS)).isEmpty();
  }
}
