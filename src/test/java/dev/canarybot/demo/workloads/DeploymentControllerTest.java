package dev.canarybot.demo.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.testing.CrudApiServer;
import dev.canarybot.testing.Eventually;
import dev.canarybot.testing.MutableClock;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulated controller against fabric8's CRUD mock, as the demo runs it. */
class DeploymentControllerTest {
  static final String NS = "default";

  final CrudApiServer server = new CrudApiServer();
  final KubernetesClient client = server.client();
  DeploymentController controller;

  @AfterEach
  void close() {
    if (controller != null) {
      controller.close();
    }
    client.close();
    server.close();
  }

  static Deployment deployment(String name, int replicas) {
    return new DeploymentBuilder()
        .withNewMetadata().withName(name).withNamespace(NS).addToLabels("app", "api").endMetadata()
        .withNewSpec().withReplicas(replicas)
          .withNewSelector().addToMatchLabels("app", "api").addToMatchLabels("version", name).endSelector()
          .withNewTemplate()
            .withNewMetadata().addToLabels("app", "api").addToLabels("version", name).endMetadata()
            .withNewSpec().addNewContainer().withName("api").withImage("ghcr.io/example/api:1.1.0").endContainer().endSpec()
          .endTemplate()
        .endSpec().build();
  }

  void start(Duration delay, Deployment... deployments) {
    for (Deployment d : deployments) {
      client.resource(d).create();
    }
    controller = DeploymentController.start(client, Clock.systemUTC(), delay);
  }

  Deployment get(String name) {
    return client.apps().deployments().inNamespace(NS).withName(name).get();
  }

  List<Pod> pods(String name) {
    return client.pods().inNamespace(NS).withLabel("version", name).list().getItems();
  }

  /** Status counts at the Deployment's current generation, as the bot will wait for them. */
  static String counts(Deployment d) {
    DeploymentStatus s = d.getStatus();
    boolean current = s != null && d.getMetadata().getGeneration().equals(s.getObservedGeneration());
    return !current ? "not observed yet" : "replicas " + s.getReplicas() + ", ready " + s.getReadyReplicas()
        + ", available " + s.getAvailableReplicas() + ", updated " + s.getUpdatedReplicas();
  }

  @Test
  void theFirstPassGivesEachDeploymentItsPodsAndStatus() {
    start(Duration.ZERO, deployment("api-v2", 2));
    Eventually.await("api-v2 ready", () -> counts(get("api-v2")), "replicas 2, ready 2, available 2, updated 2"::equals);
    assertThat(pods("api-v2")).extracting(p -> p.getMetadata().getName())
        .allMatch(n -> n.matches("api-v2-[" + PodNames.ALPHABET + "]+-[" + PodNames.ALPHABET + "]{5}"));
    assertThat(pods("api-v2").get(0).getMetadata().getLabels()).containsEntry("app", "api")
        .containsEntry("version", "api-v2").containsKey(SimulatedPods.TEMPLATE_HASH);
  }

  @Test
  void scalingUpAddsPodsThatBecomeReadyWhenTheDelayHasPassedOnTheClock() {
    MutableClock clock = new MutableClock();
    client.resource(deployment("api-v2", 1)).create();
    controller = DeploymentController.start(client, clock, Duration.ofSeconds(2));
    clock.advance(Duration.ofSeconds(2));
    Eventually.await("the first pod", () -> counts(get("api-v2")), "replicas 1, ready 1, available 1, updated 1"::equals);

    client.apps().deployments().inNamespace(NS).withName("api-v2").scale(3);
    Deployment scaled = Eventually.await("the new generation observed", () -> get("api-v2"),
        d -> counts(d).equals("replicas 3, ready 1, available 1, updated 3"));
    assertThat(scaled.getMetadata().getGeneration()).as("fabric8's mock bumps generation on a spec change").isEqualTo(2);
    assertThat(scaled.getStatus().getUnavailableReplicas()).isEqualTo(2);
    // The clock stands still, so the two new pods are still starting: no race with the delay.
    assertThat(pods("api-v2")).hasSize(3).filteredOn(p -> SimulatedPods.state(p) == PodState.PENDING).hasSize(2)
        .allSatisfy(p -> assertThat(p.getStatus().getContainerStatuses().get(0).getState().getWaiting().getReason())
            .isEqualTo("ContainerCreating"));

    clock.advance(Duration.ofSeconds(2));
    Eventually.await("three ready pods", () -> counts(get("api-v2")), "replicas 3, ready 3, available 3, updated 3"::equals);
    assertThat(pods("api-v2")).allSatisfy(p -> assertThat(SimulatedPods.state(p)).isEqualTo(PodState.READY));
  }

  @Test
  void pausedReadinessHoldsNewPodsUntilResumed() {
    start(Duration.ZERO, deployment("api-v2", 1));
    Eventually.await("the first pod", () -> counts(get("api-v2")), "replicas 1, ready 1, available 1, updated 1"::equals);
    controller.pauseReadiness();
    client.apps().deployments().inNamespace(NS).withName("api-v2").scale(2);
    Eventually.await("the new pod created", () -> counts(get("api-v2")), "replicas 2, ready 1, available 1, updated 2"::equals);
    assertThat(pods("api-v2")).filteredOn(p -> SimulatedPods.state(p) == PodState.PENDING).hasSize(1);

    controller.resumeReadiness();
    Eventually.await("both ready", () -> counts(get("api-v2")), "replicas 2, ready 2, available 2, updated 2"::equals);
  }

  @Test
  void pendingPodsWaitForTheDelay() {
    start(Duration.ofHours(1), deployment("api-v2", 1));
    // The first pass made the first pod pending too: an hour-long delay keeps both starting.
    client.apps().deployments().inNamespace(NS).withName("api-v2")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":2}}");
    Eventually.await("two pods, none ready", () -> counts(get("api-v2")), "replicas 2, ready 0, available 0, updated 2"::equals);
    assertThat(pods("api-v2")).allSatisfy(p -> assertThat(SimulatedPods.state(p)).isEqualTo(PodState.PENDING));
  }

  @Test
  void scalingDownDeletesPods() {
    start(Duration.ZERO, deployment("api-v2", 3));
    Eventually.await("three ready", () -> counts(get("api-v2")), "replicas 3, ready 3, available 3, updated 3"::equals);
    client.apps().deployments().inNamespace(NS).withName("api-v2")
        .patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":1}]");
    Eventually.await("one left", () -> counts(get("api-v2")), "replicas 1, ready 1, available 1, updated 1"::equals);
    assertThat(pods("api-v2")).hasSize(1);

    client.apps().deployments().inNamespace(NS).withName("api-v2").scale(0);
    Eventually.await("none left", () -> counts(get("api-v2")), "replicas 0, ready 0, available 0, updated 0"::equals);
    assertThat(pods("api-v2")).isEmpty();
  }

  @Test
  void aFailingDeploymentsNewPodsCarryTheReasonAndNeverCountAsReady() {
    start(Duration.ZERO, deployment("api-v1", 1), deployment("api-v2", 1));
    Eventually.await("api-v2 ready", () -> counts(get("api-v2")), "replicas 1, ready 1, available 1, updated 1"::equals);
    controller.failNewPods(NS, "api-v2", "ImagePullBackOff");

    client.apps().deployments().inNamespace(NS).withName("api-v2").scale(3);
    List<Pod> failing = Eventually.await("two failing pods", () -> pods("api-v2").stream()
        .filter(p -> SimulatedPods.state(p) == PodState.FAILING).toList(), l -> l.size() == 2);
    assertThat(failing).allSatisfy(p -> {
      assertThat(p.getStatus().getPhase()).isEqualTo("Pending");
      assertThat(p.getStatus().getContainerStatuses().get(0).getState().getWaiting().getReason())
          .isEqualTo("ImagePullBackOff");
      assertThat(p.getStatus().getContainerStatuses().get(0).getState().getWaiting().getMessage())
          .isEqualTo("Back-off pulling image \"ghcr.io/example/api:1.1.0\"");
    });
    assertThat(counts(get("api-v2"))).isEqualTo("replicas 3, ready 1, available 1, updated 3");
    List<Event> events = Eventually.await("the kubelet's events", () -> client.v1().events().inNamespace(NS).list()
        .getItems(), l -> l.size() == 2);
    assertThat(events).allSatisfy(e -> {
      assertThat(e.getType()).isEqualTo("Warning");
      assertThat(e.getReason()).isEqualTo("BackOff");
      assertThat(e.getSource().getComponent()).isEqualTo("kubelet");
      assertThat(e.getInvolvedObject().getKind()).isEqualTo("Pod");
      assertThat(e.getMessage()).isEqualTo("Back-off pulling image \"ghcr.io/example/api:1.1.0\"");
    });
    assertThat(events).extracting(e -> e.getInvolvedObject().getName())
        .containsExactlyInAnyOrderElementsOf(failing.stream().map(p -> p.getMetadata().getName()).toList());

    // api-v1 is not affected, and clearing the knob lets the failing pods start.
    client.apps().deployments().inNamespace(NS).withName("api-v1").scale(2);
    Eventually.await("api-v1 scaled", () -> counts(get("api-v1")), "replicas 2, ready 2, available 2, updated 2"::equals);
    controller.failNewPods(NS, "api-v2", null);
    Eventually.await("api-v2 recovered", () -> counts(get("api-v2")), "replicas 3, ready 3, available 3, updated 3"::equals);
  }

  @Test
  void aCrashLoopShowsARestartAndTheLastExit() {
    start(Duration.ZERO, deployment("api-v2", 1));
    Eventually.await("api-v2 ready", () -> counts(get("api-v2")), "replicas 1, ready 1, available 1, updated 1"::equals);
    controller.failNewPods(NS, "api-v2", "CrashLoopBackOff");
    client.apps().deployments().inNamespace(NS).withName("api-v2").scale(2);
    Pod crashing = Eventually.await("a crashing pod", () -> pods("api-v2").stream()
        .filter(p -> SimulatedPods.state(p) == PodState.FAILING).findFirst().orElse(null), p -> p != null);
    var container = crashing.getStatus().getContainerStatuses().get(0);
    assertThat(container.getRestartCount()).isEqualTo(1);
    assertThat(container.getLastState().getTerminated().getReason()).isEqualTo("Error");
    assertThat(container.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
  }

  @Test
  void raisingAnHpasMinReplicasScalesItsDeploymentUp() {
    start(Duration.ZERO, deployment("api-v2", 1));
    client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(NS).resource(new HorizontalPodAutoscalerBuilder()
        .withNewMetadata().withName("api-v2").withNamespace(NS).endMetadata()
        .withNewSpec().withMinReplicas(1).withMaxReplicas(10)
          .withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment").withName("api-v2").endScaleTargetRef()
        .endSpec().build()).create();
    Eventually.await("api-v2 ready", () -> counts(get("api-v2")), "replicas 1, ready 1, available 1, updated 1"::equals);

    client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(NS).withName("api-v2")
        .edit(h -> {
          h.getSpec().setMinReplicas(4);
          return h;
        });
    Deployment d = Eventually.await("scaled to the new floor", () -> get("api-v2"),
        x -> counts(x).equals("replicas 4, ready 4, available 4, updated 4"));
    assertThat(d.getSpec().getReplicas()).isEqualTo(4);
  }

  @Test
  void aPodDeletedByHandIsReplaced() {
    start(Duration.ZERO, deployment("api-v2", 2));
    Eventually.await("two ready", () -> counts(get("api-v2")), "replicas 2, ready 2, available 2, updated 2"::equals);
    String gone = pods("api-v2").get(0).getMetadata().getName();
    client.pods().inNamespace(NS).withName(gone).delete();
    Eventually.await("a replacement", () -> pods("api-v2").stream().map(p -> p.getMetadata().getName()).toList(),
        names -> names.size() == 2 && !names.contains(gone));
    Eventually.await("two ready again", () -> counts(get("api-v2")), "replicas 2, ready 2, available 2, updated 2"::equals);
  }

  @Test
  void deletingTheDeploymentRemovesItsPods() {
    start(Duration.ZERO, deployment("api-v1", 1), deployment("api-v2", 2));
    Eventually.await("two ready", () -> counts(get("api-v2")), "replicas 2, ready 2, available 2, updated 2"::equals);
    client.apps().deployments().inNamespace(NS).withName("api-v2").delete();
    Eventually.await("its pods collected", () -> pods("api-v2"), List::isEmpty);
    assertThat(pods("api-v1")).hasSize(1);
  }

  @Test
  void refusesAFailReasonThatIsNotOne() {
    start(Duration.ZERO);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> controller.failNewPods(NS, "api-v2", "<script>"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ImagePullBackOff");
    assertThat(controller.failReason(NS, "api-v2")).isNull();
  }
}
