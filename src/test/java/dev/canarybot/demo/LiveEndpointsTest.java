package dev.canarybot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.demo.workloads.DeploymentController;
import dev.canarybot.testing.CrudApiServer;
import dev.canarybot.testing.Eventually;
import dev.canarybot.testing.ExampleCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The traffic's view of capacity: ready pods per subset, found through the host's DestinationRule. */
class LiveEndpointsTest {
  static final String HOST = "api-service.default.svc.cluster.local";

  @Test
  void countsReadyPodsPerSubsetAsTheControllerScales() {
    try (CrudApiServer server = new CrudApiServer(); KubernetesClient client = server.client()) {
      new ExampleCluster(client).reset();
      LiveEndpoints endpoints = new LiveEndpoints(client);
      try (DeploymentController controller = DeploymentController.start(client, Clock.systemUTC(), Duration.ZERO)) {
        // The example app: api-v1 has 3 replicas, api-v2 one.
        Eventually.await("the example's pods", () -> endpoints.ready("default", HOST), Map.of("v1", 3, "v2", 1)::equals);

        controller.failNewPods("default", "api-v2", "ImagePullBackOff");
        client.apps().deployments().inNamespace("default").withName("api-v2").scale(3);
        Eventually.await("two failing v2 pods", () -> client.apps().deployments().inNamespace("default")
            .withName("api-v2").get().getStatus().getReplicas(), n -> n == 3);
        assertThat(endpoints.ready("default", HOST)).as("failing pods are no endpoints").containsEntry("v2", 1);

        client.apps().deployments().inNamespace("default").withName("api-v2").scale(0);
        Eventually.await("no v2 endpoint", () -> endpoints.ready("default", HOST), Map.of("v1", 3, "v2", 0)::equals);
      }
      assertThat(endpoints.ready("default", "other.default.svc.cluster.local")).as("no rule for that host").isEmpty();
    }
  }
}
