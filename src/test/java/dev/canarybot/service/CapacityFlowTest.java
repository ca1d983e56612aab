package dev.canarybot.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.kube.KubernetesCapacity;
import dev.canarybot.kube.KubernetesWorkloads;
import dev.canarybot.mesh.IstioTargetResolver;
import dev.canarybot.mesh.IstioTrafficRouter;
import dev.canarybot.release.AddedRoute;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CapacityMode;
import dev.canarybot.release.Phase;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.release.ReplicaReading;
import dev.canarybot.release.RollbackCapacity;
import dev.canarybot.release.TestersMatch;
import dev.canarybot.service.port.Capacity;
import dev.canarybot.service.port.RouteWeights;
import dev.canarybot.service.port.TargetQuery;
import dev.canarybot.service.port.TrafficRouter;
import dev.canarybot.store.KubernetesReleaseEvents;
import dev.canarybot.store.KubernetesReleaseStore;
import dev.canarybot.testing.CrdInstaller;
import dev.canarybot.testing.CrudApiServer;
import dev.canarybot.testing.ExampleCluster;
import dev.canarybot.testing.MutableClock;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Capacity before traffic, on a CRUD API server: every write the bot makes to the route and to
 * the canary's replicas is recorded in order, and readiness is what a controller would report
 * (set by the test, since the mock has none).
 */
class CapacityFlowTest {
  static final String NS = ExampleCluster.NS;
  static final String APPROVER = "<@U0APPROVER>";

  /** The process was killed right after a write. */
  static final class Crash extends Error {
    Crash() {
      super("the process was killed", null, false, false);
    }
  }

  CrudApiServer api;
  KubernetesClient admin;
  ExampleCluster cluster;
  final MutableClock clock = new MutableClock();
  final List<KubernetesClient> clients = new ArrayList<>();
  /** "weights 50", "scale api-v2 2", "hpa api-v2 min 2", in the order the bot wrote them. */
  final List<String> writes = new CopyOnWriteArrayList<>();
  boolean crashAfterScale;

  @BeforeEach
  void cluster() {
    api = new CrudApiServer();
    admin = api.client();
    CrdInstaller.install(admin);
    cluster = new ExampleCluster(admin).reset();
    // The example route ships at 90/10; these releases start from a canary without traffic.
    var vs = cluster.virtualService("api-vs");
    for (var r : vs.path("spec").path("http").get(0).path("route")) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) r).put("weight",
          "v2".equals(r.path("destination").path("subset").asText()) ? 0 : 100);
    }
    cluster.replaceVirtualService(vs);
  }

  @AfterEach
  void close() {
    clients.forEach(KubernetesClient::close);
    admin.close();
    api.close();
  }

  ReleaseService bot() {
    KubernetesClient client = api.client();
    clients.add(client);
    KubernetesReleaseStore store = new KubernetesReleaseStore(client, List.of(NS));
    KubernetesReleaseEvents events = new KubernetesReleaseEvents(client, clock);
    TrafficRouter real = new IstioTrafficRouter(client, TwoReplicasTest.MESH);
    TrafficRouter router = new TrafficRouter() {
      public RouteWeights read(ReleaseTarget t) { return real.read(t); }
      public RouteWeights setWeights(ReleaseTarget t, int from, int to) {
        writes.add("weights " + to);
        return real.setWeights(t, from, to);
      }
      public RouteWeights dropStable(ReleaseTarget t) { return real.dropStable(t); }
      public AddedRoute setTesters(ReleaseTarget t, String r, TestersMatch m, AddedRoute a, boolean back) {
        return real.setTesters(t, r, m, a, back);
      }
    };
    Capacity realCapacity = new KubernetesCapacity(client);
    Capacity capacity = new Capacity() {
      public ReplicaReading read(String ns, String d) { return realCapacity.read(ns, d); }
      public void scale(String ns, String d, int n) {
        writes.add("scale " + d + " " + n);
        realCapacity.scale(ns, d, n);
        if (crashAfterScale) {
          throw new Crash();
        }
      }
      public void setAutoscalerMin(String ns, String a, int n) {
        writes.add("hpa " + a + " min " + n);
        realCapacity.setAutoscalerMin(ns, a, n);
      }
      public String whyNotReady(String ns, String d) { return realCapacity.whyNotReady(ns, d); }
    };
    IstioTargetResolver resolver = new IstioTargetResolver(client, TwoReplicasTest.MESH);
    Reconciler reconciler = new Reconciler(router, resolver, new KubernetesWorkloads(client), store,
        events, clock, capacity, Duration.ofMinutes(10), RollbackCapacity.START);
    return new ReleaseService(store, resolver, reconciler, events, (release, entry, outcome) -> { },
        r -> List.of(), ns -> true, dev.canarybot.testing.Preflights.passing(resolver, new TestConfig()),
        new TestConfig(), clock, new Policies(dev.canarybot.service.port.FreezeStore.NONE, new TestConfig()),
        capacity);
  }

  static StartRequest start(CapacityMode mode) {
    return new StartRequest("<@U0OPERATOR>", new TargetQuery(NS, "api-vs", null, null, null), null,
        true, null, mode);
  }

  String route() {
    return cluster.virtualService("api-vs").path("spec").path("http").get(0).path("route").toString();
  }

  int canaryWeight() {
    var routes = cluster.virtualService("api-vs").path("spec").path("http").get(0).path("route");
    for (var r : routes) {
      if ("v2".equals(r.path("destination").path("subset").asText())) {
        return r.path("weight").asInt();
      }
    }
    return 0;
  }

  int replicas(String deployment) {
    return admin.apps().deployments().inNamespace(NS).withName(deployment).get().getSpec().getReplicas();
  }

  CanaryRelease release(ReleaseService bot) {
    return bot.find(NS, "api-vs").orElseThrow();
  }

  @Test
  void capacityIsReadyBeforeEveryWeightChange() {
    ReleaseService bot = bot();
    // api-v1 3, api-v2 1 (ready): 10 % needs max(1, ⌈0.3⌉, 1) = 1, ready at once
    assertThat(bot.start(start(null))).isInstanceOf(ActionResult.Done.class);
    assertThat(canaryWeight()).isEqualTo(10);

    bot.promote(NS, "api-vs", APPROVER, 50, -1, null, true);
    // 50 % needs ⌈1.5⌉ = 2: scaled, and the route waits
    assertThat(replicas("api-v2")).isEqualTo(2);
    assertThat(canaryWeight()).isEqualTo(10);
    bot.resyncAll();
    assertThat(canaryWeight()).isEqualTo(10);
    cluster.ready("api-v2", 2);
    bot.resyncAll();
    assertThat(canaryWeight()).isEqualTo(50);

    bot.promote(NS, "api-vs", APPROVER, 100, -1, null, true);
    // 100 % needs 3, the stable's whole count
    assertThat(replicas("api-v2")).isEqualTo(3);
    assertThat(canaryWeight()).isEqualTo(50);
    cluster.ready("api-v2", 3);
    bot.resyncAll();
    assertThat(canaryWeight()).isEqualTo(100);

    assertThat(writes).containsExactly("weights 10", "scale api-v2 2", "weights 50",
        "scale api-v2 3", "weights 100");
    assertThat(replicas("api-v1")).as("the stable is never scaled by a promotion").isEqualTo(3);
    assertThat(release(bot).status().capacity().reached()).isEqualTo(3);
  }

  @Test
  void aCanaryAtZeroIsScaledAndReadyBeforeItGetsTraffic() {
    admin.apps().deployments().inNamespace(NS).withName("api-v2").scale(0);
    cluster.ready("api-v2", 0);
    ReleaseService bot = bot();
    bot.start(start(null));
    assertThat(replicas("api-v2")).isEqualTo(1);
    assertThat(canaryWeight()).isZero();
    cluster.ready("api-v2", 1);
    bot.resyncAll();
    assertThat(canaryWeight()).isEqualTo(10);
    assertThat(writes).containsExactly("scale api-v2 1", "weights 10");
  }

  @Test
  void aCanaryThatNeverBecomesReadyPausesTheReleaseWithThePodsReason() {
    ReleaseService bot = bot();
    bot.start(start(null));
    admin.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName("api-v2-7d9f-x1")
        .withLabels(admin.apps().deployments().inNamespace(NS).withName("api-v2").get()
            .getSpec().getSelector().getMatchLabels()).endMetadata()
        .withNewStatus().withPhase("Pending").addNewContainerStatus().withName("api").withReady(false)
        .withNewState().withNewWaiting().withReason("ImagePullBackOff")
        .withMessage("Back-off pulling image \"api:2.0\"").endWaiting().endState().endContainerStatus()
        .endStatus().build()).create();
    bot.promote(NS, "api-vs", APPROVER, 50, -1, null, true);
    clock.advance(Duration.ofMinutes(9));
    bot.resyncAll();
    assertThat(release(bot).phase()).isEqualTo(Phase.Progressing);
    clock.advance(Duration.ofMinutes(1));
    bot.resyncAll();

    CanaryRelease paused = release(bot);
    assertThat(paused.phase()).isEqualTo(Phase.Paused);
    assertThat(paused.status().last().reason()).contains("api-v2-7d9f-x1 ImagePullBackOff")
        .contains("1/2 ready").contains("90/10");
    assertThat(canaryWeight()).isEqualTo(10);
    assertThat(writes).containsExactly("weights 10", "scale api-v2 2");
  }

  @Test
  void anAutoscalerHasItsMinimumRaisedAndRestoredAndTheDeploymentIsLeftToIt() {
    admin.autoscaling().v2().horizontalPodAutoscalers().inNamespace(NS).resource(
        new HorizontalPodAutoscalerBuilder().withNewMetadata().withName("api-v2-hpa").endMetadata()
            .withNewSpec().withMinReplicas(1).withMaxReplicas(5).withNewScaleTargetRef()
            .withApiVersion("apps/v1").withKind("Deployment").withName("api-v2").endScaleTargetRef()
            .endSpec().build()).create();
    ReleaseService bot = bot();
    bot.start(start(null));
    bot.promote(NS, "api-vs", APPROVER, 50, -1, null, true);
    assertThat(minReplicas()).isEqualTo(2);
    cluster.ready("api-v2", 2); // the autoscaler's doing, in a real cluster
    bot.resyncAll();
    assertThat(canaryWeight()).isEqualTo(50);

    bot.rollback(NS, "api-vs", "<@U0OPERATOR>", "errors", -1);
    assertThat(canaryWeight()).isZero();
    assertThat(minReplicas()).isEqualTo(1);
    assertThat(writes).containsExactly("weights 10", "hpa api-v2-hpa min 2", "weights 50",
        "weights 0", "hpa api-v2-hpa min 1");
    assertThat(replicas("api-v2")).as("the Deployment's replicas are the autoscaler's").isEqualTo(1);
  }

  int minReplicas() {
    return admin.autoscaling().v2().horizontalPodAutoscalers().inNamespace(NS).withName("api-v2-hpa")
        .get().getSpec().getMinReplicas();
  }

  @Test
  void aRollbackMovesTheWeightsFirstThenGivesTheCapacityBack() {
    ReleaseService bot = bot();
    bot.start(start(null));
    bot.promote(NS, "api-vs", APPROVER, 50, -1, null, true);
    cluster.ready("api-v2", 2);
    bot.resyncAll();
    bot.rollback(NS, "api-vs", "<@U0OPERATOR>", "errors", -1);
    assertThat(writes).containsExactly("weights 10", "scale api-v2 2", "weights 50",
        "weights 0", "scale api-v2 1");
    assertThat(replicas("api-v2")).isEqualTo(1);
    bot.resyncAll();
    assertThat(writes).as("given back once").hasSize(5);
  }

  @Test
  void aRollbackMidWaitNeverWaits() {
    ReleaseService bot = bot();
    bot.start(start(null));
    bot.promote(NS, "api-vs", APPROVER, 50, -1, null, true);
    // never ready; the rollback goes through at once
    bot.rollback(NS, "api-vs", "<@U0OPERATOR>", "changed my mind", -1);
    assertThat(canaryWeight()).isZero();
    assertThat(writes).containsExactly("weights 10", "scale api-v2 2", "weights 0", "scale api-v2 1");
  }

  @Test
  void aCanaryAPersonScaledUpIsNotScaledBackDown() {
    ReleaseService bot = bot();
    bot.start(start(null));
    bot.promote(NS, "api-vs", APPROVER, 50, -1, null, true);
    admin.apps().deployments().inNamespace(NS).withName("api-v2").scale(6);
    cluster.ready("api-v2", 6);
    bot.resyncAll();
    bot.rollback(NS, "api-vs", "<@U0OPERATOR>", "errors", -1);
    assertThat(replicas("api-v2")).isEqualTo(6);
    assertThat(writes).containsExactly("weights 10", "scale api-v2 2", "weights 50", "weights 0");
  }

  @Test
  void aCrashBetweenScaleAndWeightsConvergesWithoutASecondScale() {
    ReleaseService first = bot();
    first.start(start(null));
    crashAfterScale = true;
    try {
      first.promote(NS, "api-vs", APPROVER, 50, -1, null, true);
      throw new AssertionError("the process was meant to die after the scale");
    } catch (Crash expected) {
      // scaled to 2, nothing recorded about it
    }
    crashAfterScale = false;
    ReleaseService second = bot();
    second.resyncAll();
    assertThat(canaryWeight()).as("the wait is not skipped").isEqualTo(10);
    cluster.ready("api-v2", 2);
    second.resyncAll();
    assertThat(canaryWeight()).isEqualTo(50);
    assertThat(writes).containsExactly("weights 10", "scale api-v2 2", "weights 50");
  }

  @Test
  void withCapacityOffAStartWithoutAReadyCanaryIsRefusedAndNothingIsWritten() {
    cluster.ready("api-v2", 0);
    String before = route();
    ReleaseService bot = bot();
    ActionResult result = bot.start(start(CapacityMode.OFF));
    assertThat(result).isInstanceOf(ActionResult.Refused.class);
    assertThat(((ActionResult.Refused) result).reason()).contains("capacity is off")
        .contains("api-v2 has no ready replica").contains("kubectl scale deployment api-v2");
    assertThat(bot.find(NS, "api-vs")).isEmpty();
    assertThat(route()).isEqualTo(before);
    assertThat(writes).isEmpty();
  }

  @Test
  void withCapacityOffTheBotNeverScales() {
    ReleaseService bot = bot();
    bot.start(start(CapacityMode.OFF));
    bot.promote(NS, "api-vs", APPROVER, 100, -1, null, true);
    assertThat(writes).containsExactly("weights 10", "weights 100");
    assertThat(release(bot).capacity()).isEqualTo(CapacityMode.OFF);
  }
}
