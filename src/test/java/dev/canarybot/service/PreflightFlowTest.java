package dev.canarybot.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.canarybot.kube.KubernetesPreflightFacts;
import dev.canarybot.kube.KubernetesWorkloads;
import dev.canarybot.mesh.IstioTargetResolver;
import dev.canarybot.mesh.IstioTrafficRouter;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.release.StartFacts;
import dev.canarybot.service.port.MetricsSource;
import dev.canarybot.service.port.TargetQuery;
import dev.canarybot.store.KubernetesReleaseEvents;
import dev.canarybot.store.KubernetesReleaseStore;
import dev.canarybot.testing.CrdInstaller;
import dev.canarybot.testing.CrudApiServer;
import dev.canarybot.testing.ExampleCluster;
import dev.canarybot.testing.MutableClock;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checks before a start against the CRUD API server holding the example app with meshed pods:
 * each refusal changes nothing (the bot's requests are reads only, the VirtualService is as it
 * was, no CanaryRelease exists), each warning is a line of a start that goes on.
 */
class PreflightFlowTest {
  static final String NS = ExampleCluster.NS;

  CrudApiServer api;
  KubernetesClient admin;
  KubernetesClient bot;
  ExampleCluster cluster;
  ReleaseService service;
  KubernetesReleaseStore store;
  StartFacts.Sample stableSample = new StartFacts.Sample(StartFacts.Sample.State.SEEN, "120 requests");

  @BeforeEach
  void cluster() {
    api = new CrudApiServer();
    admin = api.client();
    CrdInstaller.install(admin);
    cluster = new ExampleCluster(admin).reset();
    for (int i = 0; i < 3; i++) {
      pod("api-v1-" + i, "v1", true);
    }
    pod("api-v2-0", "v2", true);
    bot = api.client("canary-bot");
    MutableClock clock = new MutableClock();
    store = new KubernetesReleaseStore(bot, List.of(NS));
    KubernetesReleaseEvents events = new KubernetesReleaseEvents(bot, clock);
    IstioTargetResolver resolver = new IstioTargetResolver(bot, TwoReplicasTest.MESH);
    Reconciler reconciler = new Reconciler(new IstioTrafficRouter(bot, TwoReplicasTest.MESH), resolver,
        new KubernetesWorkloads(bot), store, events, clock);
    MetricsSource metrics = new MetricsSource() {
      @Override
      public Map<String, dev.canarybot.analysis.MetricSnapshot> snapshots(List<dev.canarybot.release.CanaryRelease> r, Duration w) {
        return Map.of();
      }

      @Override
      public StartFacts.Sample recentSample(ReleaseTarget target, String subset, Duration window) {
        return subset.equals("v1") ? stableSample : StartFacts.Sample.unavailable("asked for " + subset);
      }
    };
    StartPreflight preflight = new StartPreflight(new KubernetesPreflightFacts(bot), resolver, metrics, new TestConfig());
    service = new ReleaseService(store, resolver, reconciler, events, (release, entry, outcome) -> { },
        r -> List.of(), ns -> true, preflight, new TestConfig(), clock);
  }

  @AfterEach
  void close() {
    bot.close();
    admin.close();
    api.close();
  }

  void pod(String name, String version, boolean sidecar) {
    PodBuilder b = new PodBuilder().withNewMetadata().withName(name).withNamespace(NS)
        .withLabels(Map.of("app", "api", "version", version)).endMetadata()
        .withNewSpec().addNewContainer().withName("api").withImage("ghcr.io/example/api").endContainer().endSpec();
    if (sidecar) {
      b.editSpec().addNewContainer().withName("istio-proxy").withImage("istio/proxyv2").endContainer().endSpec();
    }
    admin.pods().inNamespace(NS).resource(b.build()).create();
  }

  ActionResult start() {
    api.takeRequests();
    return service.start(new StartRequest("<@U0OPERATOR>", new TargetQuery(NS, "api-vs", null, null, null), null, true));
  }

  /** A refusal that names {@code words}, after which the bot had only read. */
  void refusedWithNothingWritten(ObjectNode routeBefore, String... words) {
    ActionResult r = start();
    List<String> botWrites = botWrites();
    assertThat(r).isInstanceOf(ActionResult.Refused.class);
    assertThat(((ActionResult.Refused) r).reason()).contains(words).contains("\n• refused: ");
    assertThat(botWrites).as("the bot's writes").isEmpty();
    assertThat(cluster.virtualService("api-vs")).isEqualTo(routeBefore);
    assertThat(store.list(NS)).isEmpty();
  }

  /** The methods of the bot's requests since the start began, reads left out. */
  List<String> botWrites() {
    return api.takeRequests().stream()
        .filter(q -> "canary-bot".equals(q.getHeader("User-Agent")))
        .map(RecordedRequest::getMethod).filter(m -> !m.equals("GET")).toList();
  }

  ActionResult.Done started() {
    ActionResult r = start();
    assertThat(r).isInstanceOf(ActionResult.Done.class);
    ActionResult.Done done = (ActionResult.Done) r;
    assertThat(done.release().weight()).isEqualTo(10);
    return done;
  }

  @Test
  void aHealthyStartListsEveryCheckAsOk() {
    ActionResult.Done done = started();
    assertThat(botWrites()).as("what the refusals' check would see of a start").isNotEmpty();
    // the five checks, in order: canary Deployment, mesh (3 + 1 pods), owner, images, metrics
    assertThat(done.preflight().lines()).containsExactly(
        "ok: Deployment api-v2.default runs subset v2 and has finished rolling out",
        "ok: all 4 pods of api-v1 and api-v2 are in the mesh",
        "ok: VirtualService api-vs.default is not managed by Flagger or Argo Rollouts",
        "ok: api-v2 runs ghcr.io/example/api:1.1.0, api-v1 runs ghcr.io/example/api:1.0.0",
        "ok: the metrics pipeline sees subset v1 (120 requests)");
  }

  @Test
  void aPausedCanaryIsRefused() {
    admin.apps().deployments().inNamespace(NS).withName("api-v2").edit(d -> {
      d.getSpec().setPaused(true);
      return d;
    });
    refusedWithNothingWritten(cluster.virtualService("api-vs"), "is paused (spec.paused)",
        "kubectl rollout resume deployment/api-v2 -n default");
  }

  @Test
  void aCanaryWhoseNewSpecIsNotYetObservedIsRefused() {
    admin.apps().deployments().inNamespace(NS).withName("api-v2").edit(d -> {
      d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("ghcr.io/example/api:1.2.0");
      return d;
    });
    // created at generation 1 and observed there; the edit makes it 2
    refusedWithNothingWritten(cluster.virtualService("api-vs"), "generation 2 (observed 1)",
        "kubectl rollout status deployment/api-v2 -n default");
  }

  @Test
  void aCanaryWithReplicasNotYetUpdatedIsRefused() {
    var d = admin.apps().deployments().inNamespace(NS).withName("api-v2").get();
    d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
        .withReplicas(1).withUpdatedReplicas(0).build());
    admin.apps().deployments().inNamespace(NS).resource(d).updateStatus();
    refusedWithNothingWritten(cluster.virtualService("api-vs"), "0 of 1 replicas run its latest template");
  }

  @Test
  void aCanaryPodOutsideTheMeshIsRefusedWithHowToInject() {
    pod("api-v2-1", "v2", false);
    refusedWithNothingWritten(cluster.virtualService("api-vs"), "api-v2 (1 of 2 pods: api-v2-1)",
        "kubectl label namespace default istio-injection=enabled",
        "kubectl rollout restart deployment/<name> -n default");
  }

  @Test
  void aRouteOwnedByFlaggerIsRefused() {
    ObjectNode vs = cluster.virtualService("api-vs");
    ObjectNode owner = ((ObjectNode) vs.get("metadata")).putArray("ownerReferences").addObject();
    owner.put("apiVersion", "flagger.app/v1beta1").put("kind", "Canary").put("name", "api").put("uid", "u-1");
    cluster.replaceVirtualService(vs);
    refusedWithNothingWritten(cluster.virtualService("api-vs"), "managed by Flagger", "Release it with Flagger");
  }

  @Test
  void aRouteAnnotatedByArgoRolloutsIsRefused() {
    ObjectNode vs = cluster.virtualService("api-vs");
    ((ObjectNode) vs.get("metadata")).putObject("annotations")
        .put("argo-rollouts.argoproj.io/managed-by-rollouts", "api");
    cluster.replaceVirtualService(vs);
    refusedWithNothingWritten(cluster.virtualService("api-vs"), "managed by Argo Rollouts");
  }

  @Test
  void theSameImageAsStableIsAWarningAndTheStartGoesOn() {
    admin.apps().deployments().inNamespace(NS).withName("api-v2").edit(d -> {
      d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("ghcr.io/example/api:1.0.0");
      return d;
    });
    var d = admin.apps().deployments().inNamespace(NS).withName("api-v2").get();
    d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
        .withReplicas(1).withUpdatedReplicas(1).withReadyReplicas(1).build());
    admin.apps().deployments().inNamespace(NS).resource(d).updateStatus();
    assertThat(started().preflight().lines()).contains(
        "warning: api-v2 runs the same image as api-v1 (ghcr.io/example/api:1.0.0): the release would compare a version with itself");
  }

  @Test
  void noRecentStableSampleIsAWarningAndTheStartGoesOn() {
    stableSample = new StartFacts.Sample(StartFacts.Sample.State.NONE, "no istio_requests_total in 5m");
    assertThat(started().preflight().lines()).contains(
        "warning: the metrics pipeline has no recent sample of subset v1 (no istio_requests_total in 5m): "
            + "the analysis will report no data");
  }
}
