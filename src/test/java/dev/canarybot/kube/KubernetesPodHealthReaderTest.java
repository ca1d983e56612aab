package dev.canarybot.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.analysis.PodHealth;
import dev.canarybot.testing.ExampleCluster;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithKubernetesTestServer(crud = true)
class KubernetesPodHealthReaderTest {
  @Inject KubernetesClient client;
  @Inject KubernetesPodHealthReader reader;

  /** When the API server stamps pods it creates now: it ignores a creationTimestamp sent to it. */
  private Instant born;

  @BeforeEach
  void loadExamples() {
    new ExampleCluster(client).reset();
    client.pods().inNamespace("default").list().getItems().forEach(p -> client.resource(p).delete());
    Pod probe = client.pods().inNamespace("default").resource(pod("probe", "none", true, 0, null, null)).create();
    born = Instant.parse(probe.getMetadata().getCreationTimestamp());
    client.resource(probe).delete();
  }

  private String at(Duration fromBirth) {
    return born.plus(fromBirth).toString();
  }

  @Test
  void countsReadyPodsOfTheDeploymentOnly() {
    create(pod("api-v2-5d4f7-aaaaa", "v2", true, 0, null, null));
    create(pod("api-v2-5d4f7-bbbbb", "v2", false, 0, null, null));
    create(pod("api-v1-7c9b8-ccccc", "v1", true, 0, null, null));
    assertThat(reader.health("default", "api-v2", born.minusSeconds(60))).isEqualTo(new PodHealth(1, 2, 0, 0));
  }

  @Test
  void anOomKillAfterTheStepBeganCountsAndOneBeforeDoesNot() {
    Instant step = born.plus(Duration.ofHours(1));
    create(pod("api-v2-5d4f7-aaaaa", "v2", true, 4, "OOMKilled", at(Duration.ofMinutes(65))));
    create(pod("api-v2-5d4f7-bbbbb", "v2", true, 2, "OOMKilled", at(Duration.ofMinutes(30))));
    create(pod("api-v2-5d4f7-ccccc", "v2", true, 1, "Error", at(Duration.ofMinutes(61))));
    // Pods older than the step: what happened since shows only as their last termination (one each).
    assertThat(reader.health("default", "api-v2", step)).isEqualTo(new PodHealth(3, 3, 2, 1));
  }

  @Test
  void aPodBornAfterTheStepBeganCountsAllItsRestarts() {
    create(pod("api-v2-5d4f7-aaaaa", "v2", false, 3, "OOMKilled", at(Duration.ofMinutes(20))));
    assertThat(reader.health("default", "api-v2", born.minus(Duration.ofHours(1)))).isEqualTo(new PodHealth(0, 1, 3, 1));
  }

  @Test
  void aMissingDeploymentIsUnknownNotHealthy() {
    assertThat(reader.health("default", "api-v9", born)).isNull();
  }

  private void create(Pod pod) {
    client.pods().inNamespace("default").resource(pod).create();
  }

  private static Pod pod(String name, String version, boolean ready, int restarts,
      String lastReason, String lastFinished) {
    var status = new ContainerStatusBuilder().withName("api").withReady(ready).withRestartCount(restarts);
    if (lastReason != null) {
      status.withNewLastState().withNewTerminated().withReason(lastReason).withExitCode(137)
          .withFinishedAt(lastFinished).endTerminated().endLastState();
    }
    return new PodBuilder()
        .withNewMetadata().withName(name).withNamespace("default")
        .addToLabels("app", "api").addToLabels("version", version).endMetadata()
        .withNewSpec().addNewContainer().withName("api").withImage("api").endContainer().endSpec()
        .withNewStatus().withPhase("Running")
        .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
        .withContainerStatuses(status.build()).endStatus()
        .build();
  }
}
