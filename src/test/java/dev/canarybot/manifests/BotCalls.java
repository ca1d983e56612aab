package dev.canarybot.manifests;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.canarybot.cluster.KubernetesReadiness;
import dev.canarybot.cluster.LeaseLeadership;
import dev.canarybot.kube.KubernetesCapacity;
import dev.canarybot.kube.KubernetesPermissions;
import dev.canarybot.kube.KubernetesPodHealthReader;
import dev.canarybot.kube.KubernetesPreflightFacts;
import dev.canarybot.service.port.WorkloadPermissions;
import dev.canarybot.kube.KubernetesFreezeStore;
import dev.canarybot.kube.KubernetesWorkloads;
import dev.canarybot.mesh.IstioTargetResolver;
import dev.canarybot.mesh.IstioTrafficRouter;
import dev.canarybot.mesh.MeshConfig;
import dev.canarybot.release.CleanupMode;
import dev.canarybot.service.ActionResult;
import dev.canarybot.service.CanaryConfig;
import dev.canarybot.service.Reconciler;
import dev.canarybot.service.FreezeService;
import dev.canarybot.service.Policies;
import dev.canarybot.service.ReleaseService;
import dev.canarybot.service.StartPreflight;
import dev.canarybot.service.StartRequest;
import dev.canarybot.service.port.TargetQuery;
import dev.canarybot.store.KubernetesReleaseEvents;
import dev.canarybot.store.KubernetesReleaseStore;
import dev.canarybot.testing.CrdInstaller;
import dev.canarybot.testing.CrudApiServer;
import dev.canarybot.testing.Eventually;
import dev.canarybot.testing.ExampleCluster;
import dev.canarybot.testing.MutableClock;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs the bot's Kubernetes adapters through their code paths (a whole release, its refusals,
 * pod health, the Lease, readiness) against a CRUD mock API server and records every request
 * the bot's own client sent. The RBAC test checks the manifests against these, so the list of
 * permissions comes from the code rather than from a hand-kept list.
 */
final class BotCalls {
  static final String AGENT = "canary-bot-under-test";
  static final String NS = ExampleCluster.NS;
  /** Adapter classes these scenarios drive; a new adapter must be added here (the test checks). */
  static final Set<Class<?>> EXERCISED = Set.of(IstioTargetResolver.class, IstioTrafficRouter.class,
      KubernetesWorkloads.class, KubernetesCapacity.class, KubernetesPodHealthReader.class, KubernetesReleaseStore.class,
      KubernetesReleaseEvents.class, KubernetesReadiness.class, LeaseLeadership.class,
      KubernetesPermissions.class, KubernetesPreflightFacts.class, KubernetesFreezeStore.class);

  static final MeshConfig MESH = new MeshConfig() {
    @Override public Optional<String> virtualServiceApiVersion() { return Optional.of("networking.istio.io/v1beta1"); }
    @Override public Optional<String> destinationRuleApiVersion() { return Optional.of("networking.istio.io/v1beta1"); }
    @Override public String clusterDomain() { return "cluster.local"; }
    @Override public int writeAttempts() { return 5; }
  };

  private BotCalls() {}

  /** A release to its end and everything around it, with CANARY_NAMESPACES=default. */
  static Set<ApiCall> namespaced() {
    Set<ApiCall> calls = new LinkedHashSet<>(withoutCapacity());
    calls.addAll(capacity());
    return calls;
  }

  /**
   * Capacity that follows the weight: a scale, a wait that times out (the pods and their events
   * are read for the reason), a rollback that gives the replicas back, and the same through a
   * HorizontalPodAutoscaler.
   */
  static Set<ApiCall> capacity() {
    return record(bot -> {
      ReleaseService service = bot.capacityService();
      done(service.start(request("api-vs")));
      done(service.promote(NS, "api-vs", "<@U0APPROVER>", 0, 10, null, false));
      // A canary pod that never becomes ready: the timeout reads it and its events.
      bot.admin.pods().inNamespace(NS).resource(new io.fabric8.kubernetes.api.model.PodBuilder()
          .withNewMetadata().withName("api-v2-x1").withLabels(bot.admin.apps().deployments().inNamespace(NS)
              .withName("api-v2").get().getSpec().getSelector().getMatchLabels()).endMetadata().build()).create();
      bot.clock.advance(Duration.ofMinutes(11));
      service.resyncAll();
      done(service.rollback(NS, "api-vs", "<@U0OPERATOR>", "test", -1));
      bot.admin.autoscaling().v2().horizontalPodAutoscalers().inNamespace(NS).resource(
          new io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder()
              .withNewMetadata().withName("api-v2").endMetadata().withNewSpec().withMinReplicas(1)
              .withMaxReplicas(5).withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment")
              .withName("api-v2").endScaleTargetRef().endSpec().build()).create();
      done(service.start(request("api-vs")));
      done(service.promote(NS, "api-vs", "<@U0APPROVER>", 0, 10, null, false));
      done(service.rollback(NS, "api-vs", "<@U0OPERATOR>", "test", -1));
    });
  }

  private static Set<ApiCall> withoutCapacity() {
    return record(bot -> {
      ReleaseService service = bot.service(List.of(NS));
      releaseToHundred(service);
      bot.clock.advance(Duration.ofHours(25));
      done(service.cleanup(NS, "api-vs", "<@U0APPROVER>", CleanupMode.SCALE_TO_ZERO, false));
      service.resyncAll();
      new KubernetesPodHealthReader(bot.client).health(NS, "api-v2", MutableClock.START);
      // Refusals read more, to name what exists: a missing VirtualService, a missing Service.
      service.start(request("no-such-vs"));
      service.start(request("ghost-vs"));
      new KubernetesReadiness(bot.client).call();
      // Stop the line and start it again: the freeze ConfigMap is created, then updated.
      FreezeService freezes = bot.freezes(service);
      if (freezes.freeze("<@U0OPERATOR>", null, "incident").refused()
          || freezes.unfreeze("<@U0APPROVER>", null).refused()) {
        throw new AssertionError("freeze scenario refused");
      }
      LeaseLeadership lease = new LeaseLeadership(bot.client, new LeaseLeadership.Settings("canary-bot",
          "canary-bot-leader", "bot-a", Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMillis(50)));
      lease.start();
      awaitLeading(lease);
      lease.stop();
    });
  }

  /** A cleanup that deletes the old Deployment. */
  static Set<ApiCall> deletingCleanup() {
    return record(bot -> {
      ReleaseService service = bot.service(List.of(NS));
      // Rolled back, then started again on the same name with another plan: a spec write.
      done(service.start(request("api-vs")));
      done(service.rollback(NS, "api-vs", "<@U0OPERATOR>", "test", -1));
      done(service.start(new StartRequest("<@U0OPERATOR>", new TargetQuery(NS, "api-vs", null, null, null),
          List.of(20, 100), true)));
      done(service.promote(NS, "api-vs", "<@U0APPROVER>", 0, 20, null, false));
      bot.clock.advance(Duration.ofHours(25));
      done(service.cleanup(NS, "api-vs", "<@U0APPROVER>", CleanupMode.DELETE, false));
    });
  }

  /** The resync with no CANARY_NAMESPACES: it lists CanaryReleases across the cluster. */
  static Set<ApiCall> everyNamespace() {
    return record(bot -> bot.service(List.of()).resyncAll());
  }

  private static void releaseToHundred(ReleaseService service) {
    done(service.start(request("api-vs")));
    done(service.promote(NS, "api-vs", "<@U0APPROVER>", 0, 10, null, false));
    done(service.promote(NS, "api-vs", "<@U0APPROVER>", 0, 50, null, false));
  }

  private static StartRequest request(String vs) {
    return new StartRequest("<@U0OPERATOR>", new TargetQuery(NS, vs, null, null, null), null, true);
  }

  private static void done(ActionResult r) {
    if (!(r instanceof ActionResult.Done)) {
      throw new AssertionError("scenario step refused: " + r);
    }
  }

  private static void awaitLeading(LeaseLeadership lease) {
    Eventually.await("the Lease acquired", lease::isLeader, leads -> leads);
  }

  /** A bot with its own client (recognisable by its user agent) on a fresh example cluster. */
  static final class Bot {
    final KubernetesClient client;
    /** The cluster's other actors (a person, an autoscaler's owner); not recorded. */
    final KubernetesClient admin;
    final MutableClock clock = new MutableClock();
    Policies policies;
    KubernetesReleaseStore store;

    Bot(KubernetesClient client, KubernetesClient admin) {
      this.client = client;
      this.admin = admin;
    }

    ReleaseService capacityService() {
      KubernetesReleaseStore store = new KubernetesReleaseStore(client, List.of(NS));
      KubernetesReleaseEvents events = new KubernetesReleaseEvents(client, clock);
      KubernetesCapacity capacity = new KubernetesCapacity(client);
      Reconciler reconciler = new Reconciler(new IstioTrafficRouter(client, MESH), new IstioTargetResolver(client, MESH),
          new KubernetesWorkloads(client), store, events, clock, capacity, config(List.of(NS)));
      return new ReleaseService(store, new IstioTargetResolver(client, MESH), reconciler, events,
          (release, entry, outcome) -> { }, r -> List.of(), asked(new KubernetesPermissions(client, clock)),
          // The start's checks are exercised by the main scenario; here the pods are made by hand.
          dev.canarybot.testing.Preflights.passing(new IstioTargetResolver(client, MESH), config(List.of(NS))),
          config(List.of(NS)), clock, new Policies(dev.canarybot.service.port.FreezeStore.NONE, config(List.of(NS))),
          capacity);
    }

    FreezeService freezes(ReleaseService service) {
      return new FreezeService(policies, store, service, (release, entry, outcome) -> { }, clock);
    }

    ReleaseService service(List<String> namespaces) {
      store = new KubernetesReleaseStore(client, namespaces);
      policies = new Policies(new KubernetesFreezeStore(client, "canary-bot", "canary-bot-freeze"),
          config(namespaces));
      KubernetesReleaseEvents events = new KubernetesReleaseEvents(client, clock);
      Reconciler reconciler = new Reconciler(new IstioTrafficRouter(client, MESH), new IstioTargetResolver(client, MESH),
          new KubernetesWorkloads(client), store, events, clock);
      return new ReleaseService(store, new IstioTargetResolver(client, MESH), reconciler, events,
          (release, entry, outcome) -> { }, r -> List.of(), asked(new KubernetesPermissions(client, clock)),
          new StartPreflight(new KubernetesPreflightFacts(client), new IstioTargetResolver(client, MESH),
              (releases, window) -> java.util.Map.of(), config(namespaces)), config(namespaces), clock,
          policies);
    }
  }

  /**
   * The real question is asked (and recorded); the answer is yes, because the CRUD mock stores
   * a SelfSubjectAccessReview without deciding it, and the delete scenario must reach the delete.
   */
  private static WorkloadPermissions asked(KubernetesPermissions real) {
    return ns -> {
      real.mayDelete(ns);
      return true;
    };
  }

  private static Set<ApiCall> record(Consumer<Bot> scenario) {
    try (CrudApiServer api = new CrudApiServer();
        KubernetesClient admin = api.client();
        KubernetesClient botClient = api.client(AGENT)) {
      CrdInstaller.install(admin);
      ExampleCluster cluster = new ExampleCluster(admin).reset();
      cluster.create(rewritten("VirtualService", "api-vs"));
      cluster.create(rewritten("DestinationRule", "api-dr"));
      api.takeRequests();
      scenario.accept(new Bot(botClient, admin));
      Set<ApiCall> calls = new LinkedHashSet<>();
      api.takeRequests().stream()
          .filter(r -> AGENT.equals(r.getHeader("User-Agent")))
          .map(ApiCall::of)
          .forEach(calls::add);
      return calls;
    }
  }

  /** The example object for a host with no Service, so resolution fails where it lists Services. */
  private static ObjectNode rewritten(String kind, String name) {
    String json = ExampleCluster.example(kind, name).toString()
        .replace("\"api-service\"", "\"ghost-service\"")
        .replace("\"" + name + "\"", "\"" + name.replace("api-", "ghost-") + "\"");
    try {
      return (ObjectNode) new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CanaryConfig config(List<String> namespaces) {
    return new dev.canarybot.service.TestConfig(namespaces);
  }
}
