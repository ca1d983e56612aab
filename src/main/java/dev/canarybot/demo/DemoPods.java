package dev.canarybot.demo;

import dev.canarybot.demo.workloads.PodNames;
import dev.canarybot.demo.workloads.SimulatedPods;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Ready pods for each Deployment at start, shaped as the demo's deployment controller shapes
 * them: the demo begins with an app that has been running a while, not with pods starting up.
 */
final class DemoPods {
  private final KubernetesClient client;
  private final PodNames names = new PodNames(new Random(0));

  DemoPods(KubernetesClient client) {
    this.client = client;
  }

  void createForDeployments(Instant now) {
    Set<String> taken = new HashSet<>();
    for (Deployment d : client.apps().deployments().inAnyNamespace().list().getItems()) {
      int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
      String hash = PodNames.templateHash(d.getSpec().getTemplate());
      for (int i = 0; i < replicas; i++) {
        String name = names.next(d.getMetadata().getName(), hash, taken);
        taken.add(name);
        client.pods().inNamespace(d.getMetadata().getNamespace())
            .resource(SimulatedPods.ready(SimulatedPods.pending(d, name, hash, now), now)).create();
      }
    }
  }
}
