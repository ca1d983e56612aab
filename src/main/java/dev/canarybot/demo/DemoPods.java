package dev.canarybot.demo;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Running, ready pods for each Deployment. The mock API has no controllers, and the bot's
 * analysis reads pod health from pods: without them every canary would look unready.
 */
final class DemoPods {
  private final KubernetesClient client;

  DemoPods(KubernetesClient client) {
    this.client = client;
  }

  void createForDeployments() {
    for (Deployment d : client.apps().deployments().inAnyNamespace().list().getItems()) {
      int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
      for (int i = 0; i < replicas; i++) {
        client.pods().inNamespace(d.getMetadata().getNamespace()).resource(pod(d, i)).create();
      }
    }
  }

  private static Pod pod(Deployment d, int index) {
    String container = d.getSpec().getTemplate().getSpec().getContainers().get(0).getName();
    return new PodBuilder()
        .withNewMetadata()
          .withName(d.getMetadata().getName() + "-5d9c7b6f4-" + "abcdefghij".charAt(index % 10) + index)
          .withNamespace(d.getMetadata().getNamespace())
          .withLabels(d.getSpec().getTemplate().getMetadata().getLabels())
        .endMetadata()
        .withSpec(d.getSpec().getTemplate().getSpec())
        .withNewStatus()
          .withPhase("Running")
          .addNewCondition().withType("Ready").withStatus("True").endCondition()
          .withContainerStatuses(new ContainerStatusBuilder().withName(container).withReady(true)
              .withRestartCount(0).build())
        .endStatus()
        .build();
  }
}
