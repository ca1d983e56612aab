package dev.canarybot.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.canarybot.cluster.LeaseLeadership;
import dev.canarybot.kube.KubernetesFreezeStore;
import dev.canarybot.kube.KubernetesWorkloads;
import dev.canarybot.mesh.IstioTargetResolver;
import dev.canarybot.mesh.IstioTrafficRouter;
import dev.canarybot.mesh.MeshConfig;
import dev.canarybot.release.AddedRoute;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.HistoryEntry;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.release.TestersMatch;
import dev.canarybot.service.port.ReleaseNotifier;
import dev.canarybot.service.port.RouteWeights;
import dev.canarybot.service.port.TargetQuery;
import dev.canarybot.service.port.TrafficRouter;
import dev.canarybot.store.KubernetesReleaseEvents;
import dev.canarybot.store.KubernetesReleaseStore;
import dev.canarybot.testing.CrdInstaller;
import dev.canarybot.testing.CrudApiServer;
import dev.canarybot.testing.Eventually;
import dev.canarybot.testing.ExampleCluster;
import dev.canarybot.testing.MutableClock;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the bot, each with its own client, on one CRUD API server: any replica acts
 * (compare-and-swap on the CanaryRelease, then reconciles itself); only the leader's resync runs,
 * and it converges what an acting replica could not finish. Nobody announces a transition twice.
 */
class TwoReplicasTest {
  static final String NS = ExampleCluster.NS;
  static final MeshConfig MESH = new MeshConfig() {
    @Override public Optional<String> virtualServiceApiVersion() { return Optional.of("networking.istio.io/v1beta1"); }
    @Override public Optional<String> destinationRuleApiVersion() { return Optional.of("networking.istio.io/v1beta1"); }
    @Override public String clusterDomain() { return "cluster.local"; }
    @Override public int writeAttempts() { return 5; }
  };

  CrudApiServer api;
  ExampleCluster cluster;
  final MutableClock clock = new MutableClock();
  final List<Replica> replicas = new ArrayList<>();
  /** Every announcement of every replica, in order: "replica action→weight". */
  final List<String> announced = Collections.synchronizedList(new ArrayList<>());

  /** One bot process: its own client, Lease competitor, adapters and use cases. */
  final class Replica {
    final String name;
    final KubernetesClient client;
    final LeaseLeadership leadership;
    final FlakyRouter router;
    final ReleaseService service;
    final FreezeService freezes;
    final ResyncJob resync;

    Replica(String name) {
      this.name = name;
      this.client = api.client();
      this.leadership = new LeaseLeadership(client, new LeaseLeadership.Settings("canary-bot",
          "canary-bot-leader", name, Duration.ofMillis(1500), Duration.ofMillis(1000), Duration.ofMillis(100)));
      KubernetesReleaseStore store = new KubernetesReleaseStore(client, List.of(NS));
      KubernetesReleaseEvents events = new KubernetesReleaseEvents(client, clock);
      this.router = new FlakyRouter(new IstioTrafficRouter(client, MESH));
      Reconciler reconciler = new Reconciler(router, new IstioTargetResolver(client, MESH), new KubernetesWorkloads(client), store, events, clock);
      ReleaseNotifier notifier = (release, entry, outcome) ->
          announced.add(name + " " + entry.action().word() + "→" + entry.toWeight());
      Policies policies = new Policies(new KubernetesFreezeStore(client, "canary-bot", "canary-bot-freeze"),
          new TestConfig());
      this.service = new ReleaseService(store, new IstioTargetResolver(client, MESH), reconciler, events,
          notifier, r -> List.of(), ns -> true,
          dev.canarybot.testing.Preflights.of(client, new IstioTargetResolver(client, MESH), new TestConfig()),
          new TestConfig(), clock, policies);
      this.freezes = new FreezeService(policies, store, service, new ReleaseNotifier() {
        @Override public void transitioned(CanaryRelease release, HistoryEntry entry, String outcome) {
          notifier.transitioned(release, entry, outcome);
        }

        @Override public void policyChanged(String headline, String detail) {
          announced.add(name + " " + headline);
        }
      }, clock);
      this.resync = new ResyncJob(service, leadership);
    }
  }

  /** The real router, but its next weight write can fail, as when a replica dies mid-action. */
  static final class FlakyRouter implements TrafficRouter {
    private final TrafficRouter real;
    volatile boolean failNextWrite;

    FlakyRouter(TrafficRouter real) {
      this.real = real;
    }

    @Override public RouteWeights read(ReleaseTarget target) { return real.read(target); }

    @Override
    public RouteWeights setWeights(ReleaseTarget target, int expectedCanary, int canaryWeight) {
      if (failNextWrite) {
        failNextWrite = false;
        // Not a TargetException: that one means the target is gone and fails the release.
        throw new IllegalStateException("connection reset while writing the VirtualService");
      }
      return real.setWeights(target, expectedCanary, canaryWeight);
    }

    @Override public RouteWeights dropStable(ReleaseTarget target) { return real.dropStable(target); }

    @Override
    public AddedRoute setTesters(ReleaseTarget target, String release, TestersMatch desired,
        AddedRoute applied, boolean takeBack) {
      return real.setTesters(target, release, desired, applied, takeBack);
    }
  }

  @BeforeEach
  void cluster() {
    api = new CrudApiServer();
    KubernetesClient admin = api.client();
    CrdInstaller.install(admin);
    cluster = new ExampleCluster(admin).reset();
    replicas.add(new Replica("bot-a"));
    replicas.add(new Replica("bot-b"));
    replicas.forEach(r -> r.leadership.start());
  }

  @AfterEach
  void stop() {
    replicas.forEach(r -> r.leadership.stop());
    replicas.forEach(r -> r.client.close());
    api.close();
  }

  @Test
  void aPromotionThroughTheNonLeaderIsReconciledAndNothingIsAnnouncedTwice() {
    Replica leader = awaitLeader();
    Replica follower = replicas.get(0) == leader ? replicas.get(1) : replicas.get(0);
    assertThat(follower.leadership.isLeader()).isFalse();

    assertThat(leader.service.start(new StartRequest("<@U0OPERATOR>",
        new TargetQuery(NS, "api-vs", null, null, null), null, true))).isInstanceOf(ActionResult.Done.class);
    assertThat(routeWeights()).isEqualTo("v1=90,v2=10");

    // A click answered by the non-leader: it writes the release by CAS and reconciles at once.
    assertThat(follower.service.promote(NS, "api-vs", "<@U0APPROVER>", 0, 10, null, false))
        .isInstanceOf(ActionResult.Done.class);
    assertThat(routeWeights()).isEqualTo("v1=50,v2=50");

    // The next one is stored, but the replica's VirtualService write is lost (it died, say).
    follower.router.failNextWrite = true;
    ActionResult.Done half = (ActionResult.Done) follower.service.promote(NS, "api-vs", "<@U0APPROVER>", 0, 50, null, false);
    assertThat(half.outcome()).contains("the resync will try again");
    assertThat(stored().weight()).isEqualTo(100);
    assertThat(routeWeights()).isEqualTo("v1=50,v2=50");

    // Only the leader's scheduled resync runs; it converges from the CanaryRelease.
    follower.resync.resync();
    assertThat(routeWeights()).isEqualTo("v1=50,v2=50");
    leader.resync.resync();
    assertThat(routeWeights()).isEqualTo("v1=0,v2=100");
    assertThat(stored().status().appliedWeight()).isEqualTo(100);

    assertThat(announced).containsExactly(
        leader.name + " start→10", follower.name + " promote→50", follower.name + " promote→100");
    assertThat(stored().status().history()).extracting(e -> e.action().word())
        .containsExactly("start", "promote", "promote");
  }

  @Test
  void whenTheLeaderStopsTheOtherReplicaResyncsInstead() {
    Replica first = awaitLeader();
    Replica second = replicas.get(0) == first ? replicas.get(1) : replicas.get(0);
    second.service.start(new StartRequest("<@U0OPERATOR>",
        new TargetQuery(NS, "api-vs", null, null, null), null, true));
    second.router.failNextWrite = true;
    second.service.promote(NS, "api-vs", "<@U0APPROVER>", 0, 10, null, false);
    assertThat(routeWeights()).isEqualTo("v1=90,v2=10");

    first.leadership.stop();
    assertThat(awaitLeader()).isSameAs(second);
    first.resync.resync();
    assertThat(routeWeights()).isEqualTo("v1=90,v2=10");
    second.resync.resync();
    assertThat(routeWeights()).isEqualTo("v1=50,v2=50");
  }

  @Test
  void aFreezeOnOneReplicaStopsTheOtherAndEitherMayLiftIt() {
    Replica a = replicas.get(0);
    Replica b = replicas.get(1);
    assertThat(a.service.start(new StartRequest("<@U0OPERATOR>",
        new TargetQuery(NS, "api-vs", null, null, null), null, true))).isInstanceOf(ActionResult.Done.class);

    FreezeService.Outcome frozen = a.freezes.freeze("<@U0OPERATOR>", null, "incident 4711");
    assertThat(frozen.changed()).containsExactly(NS + "/api-vs");
    assertThat(stored().phase()).isEqualTo(dev.canarybot.release.Phase.Paused);

    // The other replica reads the same ConfigMap: its promotion is refused with who, when, why.
    ActionResult refused = b.service.promote(NS, "api-vs", "<@U0APPROVER>", 0, -1, null, true);
    assertThat(((ActionResult.Refused) refused).reason()).isEqualTo("cannot promote api-vs: frozen by "
        + "<@U0OPERATOR> at " + dev.canarybot.release.TimeText.clock(clock.instant())
        + ": incident 4711 — `/canary unfreeze` (approvers) lifts it");
    // A second freeze of the same scope on the other replica is told the first one.
    assertThat(b.freezes.freeze("<@U0APPROVER>", null, "me too").refusal()).startsWith("already frozen by <@U0OPERATOR>");
    // The freeze moved no traffic: it only holds the weights where they were.
    assertThat(routeWeights()).isEqualTo("v1=90,v2=10");

    FreezeService.Outcome lifted = b.freezes.unfreeze("<@U0APPROVER>", null);
    assertThat(lifted.changed()).containsExactly(NS + "/api-vs");
    assertThat(stored().phase()).isEqualTo(dev.canarybot.release.Phase.Progressing);
    assertThat(a.service.promote(NS, "api-vs", "<@U0APPROVER>", 0, 10, null, false))
        .isInstanceOf(ActionResult.Done.class);
    // Announced once each, by the replica that changed the freeze.
    assertThat(announced).filteredOn(s -> s.contains("*Releases"))
        .containsExactly(a.name + " :ice_cube: *Releases frozen*", b.name + " :arrow_forward: *Releases unfrozen*");
    assertThat(stored().status().history()).extracting(e -> e.action().word())
        .containsExactly("start", "pause", "resume", "promote");
  }

  Replica awaitLeader() {
    return Eventually.await("one replica leading", () -> {
      List<Replica> leading = replicas.stream().filter(r -> r.leadership.isLeader()).toList();
      assertThat(leading).as("replicas leading at once").hasSizeLessThanOrEqualTo(1);
      return leading;
    }, leading -> leading.size() == 1).get(0);
  }

  CanaryRelease stored() {
    return new KubernetesReleaseStore(anyClient(), List.of(NS)).find(NS, "api-vs").orElseThrow().release();
  }

  private KubernetesClient anyClient() {
    return replicas.get(0).client;
  }

  String routeWeights() {
    ArrayNode route = (ArrayNode) cluster.virtualService("api-vs").at("/spec/http/0/route");
    List<String> weights = new ArrayList<>();
    route.forEach(d -> weights.add(d.path("destination").path("subset").asText() + "=" + d.path("weight").asInt()));
    return String.join(",", weights);
  }
}
