package dev.canarybot.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.canarybot.kube.KubernetesWorkloads;
import dev.canarybot.mesh.IstioTargetResolver;
import dev.canarybot.mesh.IstioTrafficRouter;
import dev.canarybot.release.Action;
import dev.canarybot.release.AddedRoute;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CleanupMode;
import dev.canarybot.release.Phase;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.release.TestersMatch;
import dev.canarybot.service.port.ReleaseStore;
import dev.canarybot.service.port.RouteWeights;
import dev.canarybot.service.port.StoredRelease;
import dev.canarybot.service.port.TargetQuery;
import dev.canarybot.service.port.TrafficRouter;
import dev.canarybot.service.port.Workloads;
import dev.canarybot.store.KubernetesReleaseEvents;
import dev.canarybot.store.KubernetesReleaseStore;
import dev.canarybot.testing.CrdInstaller;
import dev.canarybot.testing.CrudApiServer;
import dev.canarybot.testing.ExampleCluster;
import dev.canarybot.testing.MutableClock;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bot stopped between every pair of its writes (the CanaryRelease, the VirtualService, the
 * Deployment) in every use case, then a new process carries on: it converges, and it never takes
 * its own half-finished work for somebody's edit. The new process either resyncs first, or acts
 * first (a person clicks before the first resync), since both happen after a real restart.
 */
class CrashBetweenWritesTest {
  static final String NS = ExampleCluster.NS;

  /** The process dies: not an exception any code path of the bot catches and carries on after. */
  static final class Crash extends Error {
    Crash() {
      super("the process was killed", null, false, false);
    }
  }

  /** Lets {@code allowed} writes through, then kills the process at the next one. */
  static final class Fuse {
    private int left;

    Fuse(int allowed) {
      this.left = allowed;
    }

    void write() {
      if (left-- <= 0) {
        throw new Crash();
      }
    }

    int used(int allowed) {
      return allowed - Math.max(left, 0);
    }
  }

  /** One bot process on the shared API server; its writes pass through the fuse. */
  final class Process {
    final ReleaseService service;

    Process(Fuse fuse) {
      KubernetesClient client = api.client();
      clients.add(client);
      KubernetesReleaseStore realStore = new KubernetesReleaseStore(client, List.of(NS));
      KubernetesReleaseEvents events = new KubernetesReleaseEvents(client, clock);
      ReleaseStore store = new ReleaseStore() {
        public Optional<StoredRelease> find(String ns, String name) { return realStore.find(ns, name); }
        public List<StoredRelease> list(String ns) { return realStore.list(ns); }
        public List<StoredRelease> listAll() { return realStore.listAll(); }
        public StoredRelease create(CanaryRelease r) { fuse.write(); return realStore.create(r); }
        public StoredRelease update(StoredRelease p, CanaryRelease n) { fuse.write(); return realStore.update(p, n); }
      };
      TrafficRouter realRouter = new IstioTrafficRouter(client, TwoReplicasTest.MESH);
      TrafficRouter router = new TrafficRouter() {
        public RouteWeights read(ReleaseTarget t) { return realRouter.read(t); }
        public RouteWeights setWeights(ReleaseTarget t, int from, int to) { fuse.write(); return realRouter.setWeights(t, from, to); }
        public RouteWeights dropStable(ReleaseTarget t) { fuse.write(); return realRouter.dropStable(t); }
        public AddedRoute setTesters(ReleaseTarget t, String r, TestersMatch m, AddedRoute a, boolean back) {
          fuse.write();
          return realRouter.setTesters(t, r, m, a, back);
        }
      };
      Workloads realWorkloads = new KubernetesWorkloads(client);
      Workloads workloads = new Workloads() {
        public void scaleToZero(String ns, String d) { fuse.write(); realWorkloads.scaleToZero(ns, d); }
        public void delete(String ns, String d) { fuse.write(); realWorkloads.delete(ns, d); }
      };
      Reconciler reconciler = new Reconciler(router, new IstioTargetResolver(client, TwoReplicasTest.MESH), workloads, store, events, clock);
      this.service = new ReleaseService(store, new IstioTargetResolver(client, TwoReplicasTest.MESH),
          reconciler, events, (release, entry, outcome) -> { }, r -> List.of(), ns -> true,
          dev.canarybot.testing.Preflights.of(client, new IstioTargetResolver(client, TwoReplicasTest.MESH), new TestConfig()),
          new TestConfig(), clock);
    }
  }

  /** A use case as a person runs it; a refusal ("already at 50 %") is fine when it is redone. */
  record Step(String name, Consumer<ReleaseService> run) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final Step START = new Step("start", s -> s.start(new StartRequest("<@U0OPERATOR>",
      new TargetQuery(NS, "api-vs", null, null, null), null, true)));
  static final Step TO_50 = new Step("promote to 50", s -> s.promote(NS, "api-vs", "<@U0APPROVER>", 50, -1, null, true));
  static final Step TO_100 = new Step("promote to 100", s -> s.promote(NS, "api-vs", "<@U0APPROVER>", 100, -1, null, true));
  static final Step ROLLBACK = new Step("rollback", s -> s.rollback(NS, "api-vs", "<@U0OPERATOR>", null, -1));
  static final Step CLEANUP = new Step("cleanup", s -> s.cleanup(NS, "api-vs", "<@U0APPROVER>", CleanupMode.SCALE_TO_ZERO, true));
  static final Step DELETE = new Step("cleanup --delete", s -> s.cleanup(NS, "api-vs", "<@U0APPROVER>", CleanupMode.DELETE, true));

  /** Each walk, where it ends, and how many writes it makes when nothing goes wrong. */
  record Walk(String name, List<Step> steps, Phase end, String route) {}

  static final List<Walk> WALKS = List.of(
      new Walk("start, 50, 100, clean up", List.of(START, TO_50, TO_100, CLEANUP), Phase.CleanedUp, "v1=0,v2=100"),
      new Walk("start, 50, 100, delete", List.of(START, TO_50, TO_100, DELETE), Phase.CleanedUp, "v2=100"),
      new Walk("start, 50, roll back", List.of(START, TO_50, ROLLBACK), Phase.RolledBack, "v1=100,v2=0"));

  CrudApiServer api;
  ExampleCluster cluster;
  final MutableClock clock = new MutableClock();
  final List<KubernetesClient> clients = new ArrayList<>();

  void freshCluster() {
    clients.forEach(KubernetesClient::close);
    clients.clear();
    if (api != null) {
      api.close();
    }
    api = new CrudApiServer();
    KubernetesClient admin = api.client();
    clients.add(admin);
    CrdInstaller.install(admin);
    cluster = new ExampleCluster(admin).reset();
  }

  /** How many writes a walk makes without a crash: the crash points to try. */
  static int writesOf(Walk walk, CrashBetweenWritesTest test) {
    test.freshCluster();
    Fuse unlimited = new Fuse(Integer.MAX_VALUE);
    Process p = test.new Process(unlimited);
    walk.steps().forEach(s -> s.run().accept(p.service));
    return unlimited.used(Integer.MAX_VALUE);
  }

  static Stream<Arguments> crashes() {
    CrashBetweenWritesTest probe = new CrashBetweenWritesTest();
    List<Arguments> all = new ArrayList<>();
    try {
      for (Walk walk : WALKS) {
        int writes = writesOf(walk, probe);
        for (int allowed = 0; allowed < writes; allowed++) {
          all.add(Arguments.of(walk.name(), allowed, true));
          all.add(Arguments.of(walk.name(), allowed, false));
        }
      }
    } finally {
      probe.close();
    }
    return all.stream();
  }

  void close() {
    clients.forEach(KubernetesClient::close);
    if (api != null) {
      api.close();
    }
  }

  @ParameterizedTest(name = "{0}: killed after {1} writes, the new process resyncs first: {2}")
  @MethodSource("crashes")
  void aRestartConvergesAndNeverReadsItsOwnWorkAsDrift(String walkName, int allowed, boolean resyncFirst) {
    Walk walk = WALKS.stream().filter(w -> w.name().equals(walkName)).findFirst().orElseThrow();
    freshCluster();
    try {
      Process first = new Process(new Fuse(allowed));
      int dying = 0;
      try {
        for (; dying < walk.steps().size(); dying++) {
          walk.steps().get(dying).run().accept(first.service);
        }
        throw new AssertionError("the process was meant to die after " + allowed + " writes");
      } catch (Crash expected) {
        // Killed mid-walk; whatever it stored and wrote is all there is.
      }

      Process second = new Process(new Fuse(Integer.MAX_VALUE));
      if (resyncFirst) {
        second.service.resyncAll();
      }
      // The person got no answer to the step the bot died in, tries it again, and carries on;
      // a step that did land is refused harmlessly ("already at 50 %").
      walk.steps().subList(dying, walk.steps().size()).forEach(s -> s.run().accept(second.service));
      second.service.resyncAll();

      CanaryRelease r = new KubernetesReleaseStore(api.client(), List.of(NS)).find(NS, "api-vs")
          .orElseThrow().release();
      assertThat(r.status().history()).extracting(e -> e.action())
          .as("history of %s", walkName).doesNotContain(Action.DRIFT);
      assertThat(r.phase()).isEqualTo(walk.end());
      assertThat(r.status().appliedWeight()).isEqualTo(r.weight());
      assertThat(routeWeights()).isEqualTo(walk.route());
      if (walk.end() == Phase.CleanedUp) {
        assertThat(r.status().last().action()).isEqualTo(Action.RETIRED);
      }
    } finally {
      close();
    }
  }

  String routeWeights() {
    ArrayNode route = (ArrayNode) cluster.virtualService("api-vs").at("/spec/http/0/route");
    List<String> weights = new ArrayList<>();
    route.forEach(d -> weights.add(d.path("destination").path("subset").asText() + "=" + d.path("weight").asInt()));
    return String.join(",", weights);
  }
}
