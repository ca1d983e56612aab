package dev.canarybot.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarybot.service.port.TargetException;
import dev.canarybot.testing.ExampleCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithKubernetesTestServer(crud = true)
class KubernetesWorkloadsTest {
  @Inject KubernetesClient client;
  @Inject KubernetesWorkloads workloads;

  @BeforeEach
  void loadExamples() {
    new ExampleCluster(client).reset();
  }

  @Test
  void scaleToZeroSetsReplicasToZero() {
    workloads.scaleToZero("default", "api-v1");
    assertThat(client.apps().deployments().inNamespace("default").withName("api-v1").get()
        .getSpec().getReplicas()).isZero();
    assertThat(client.apps().deployments().inNamespace("default").withName("api-v2").get()
        .getSpec().getReplicas()).isEqualTo(1);
  }

  @Test
  void scalingAMissingDeploymentIsATargetError() {
    assertThatThrownBy(() -> workloads.scaleToZero("default", "api-v0"))
        .isInstanceOf(TargetException.class)
        .hasMessage("Deployment api-v0.default not found");
  }

  @Test
  void deleteRemovesTheDeploymentAndMayBeRepeated() {
    workloads.delete("default", "api-v1");
    assertThat(client.apps().deployments().inNamespace("default").withName("api-v1").get()).isNull();
    workloads.delete("default", "api-v1");
  }
}
