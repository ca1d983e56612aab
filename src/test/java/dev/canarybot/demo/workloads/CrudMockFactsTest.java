package dev.canarybot.demo.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarybot.testing.CrudApiServer;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What fabric8's CRUD mock (the demo's API server and the tests') does with a Deployment's
 * generation, status and {@code /scale}, which {@link DeploymentController} and whoever scales a
 * Deployment in the demo rely on. If an upgrade of fabric8 changes one, this says which.
 */
class CrudMockFactsTest {
  final CrudApiServer server = new CrudApiServer();
  final KubernetesClient client = server.client();
  final RollableScalableResource<Deployment> api = client.apps().deployments().inNamespace("default").withName("api-v2");

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  long generation() {
    return api.get().getMetadata().getGeneration();
  }

  @Test
  void everySpecChangeBumpsTheGenerationAndAStatusWriteDoesNot() {
    client.resource(DeploymentControllerTest.deployment("api-v2", 1)).create();
    assertThat(generation()).isEqualTo(1);
    api.edit(d -> {
      d.getSpec().setReplicas(2);
      return d;
    });
    assertThat(generation()).as("update").isEqualTo(2);
    api.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":3}}");
    assertThat(generation()).as("JSON merge patch").isEqualTo(3);
    api.patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":4}]");
    assertThat(generation()).as("JSON patch").isEqualTo(4);
    api.scale(5);
    assertThat(generation()).as("fabric8's scale(n): GET /scale, then PUT back what it got").isEqualTo(5);
    assertThat(api.get().getSpec().getReplicas()).isEqualTo(5);

    String before = api.get().getMetadata().getResourceVersion();
    Deployment d = api.get();
    d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(5L).withReadyReplicas(5).build());
    api.updateStatus(d);
    assertThat(generation()).as("a status write").isEqualTo(5);
    assertThat(api.get().getMetadata().getResourceVersion()).as("yet the resourceVersion moves").isNotEqualTo(before);
  }

  @Test
  void aMergePatchOfScaleActsOnTheDeploymentAsKubectlScaleExpects() throws Exception {
    client.resource(DeploymentControllerTest.deployment("api-v2", 1)).create();
    var http = client.getHttpClient();
    var response = http.sendAsync(http.newHttpRequestBuilder()
        .uri(client.getMasterUrl() + "apis/apps/v1/namespaces/default/deployments/api-v2/scale")
        .method("PATCH", "application/merge-patch+json", "{\"spec\":{\"replicas\":4}}").build(), String.class).get();
    assertThat(response.code()).isEqualTo(202);
    assertThat(api.get().getSpec().getReplicas()).isEqualTo(4);
    assertThat(generation()).isEqualTo(2);
  }

  @Test
  void getScaleAnswersTheWholeDeploymentAndAFreshScaleObjectReplacesIt() {
    client.resource(DeploymentControllerTest.deployment("api-v2", 1)).create();
    assertThat(api.scale().getKind()).as("GET /scale is not a Scale").isEqualTo("Deployment");
    // A Scale built from scratch (as kubectl replace or an HPA would send) is stored instead of the
    // Deployment: scale with scale(n), an update or a patch, never with scale(Scale).
    api.scale(new ScaleBuilder().withNewMetadata().withName("api-v2").withNamespace("default").endMetadata()
        .withNewSpec().withReplicas(3).endSpec().build());
    assertThat(client.apps().deployments().inNamespace("default").list().getItems()).isEmpty();
  }

  @Test
  void statusIsNoSubresourceOfADeploymentAndStrategicMergeIsRefused() {
    Deployment d = DeploymentControllerTest.deployment("api-v2", 1);
    d.setStatus(new DeploymentStatusBuilder().withReadyReplicas(7).build());
    client.resource(d).create();
    assertThat(api.get().getStatus().getReadyReplicas()).as("a create keeps the status sent").isEqualTo(7);
    Deployment noStatus = api.get();
    noStatus.setStatus(null);
    client.resource(noStatus).update();
    assertThat(api.get().getStatus()).as("an update replaces the status with the one sent").isNull();
    assertThatThrownBy(() -> api.patch(PatchContext.of(PatchType.STRATEGIC_MERGE), "{\"spec\":{\"replicas\":2}}"))
        .isInstanceOf(KubernetesClientException.class).hasMessageContaining("415");
  }
}
