package dev.canarybot.demo.workloads;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/**
 * The HorizontalPodAutoscalers of the cluster, both API versions: the CRUD mock keeps each
 * version apart (an HPA created as autoscaling/v1 is not listed under v2), where a real API
 * server converts between them.
 */
final class Autoscalers {
  private Autoscalers() {}

  /** An HPA's target and bounds. */
  record Bounds(String namespace, String kind, String name, Integer minReplicas, int maxReplicas) {
    boolean targets(Deployment d) {
      return "Deployment".equals(kind) && name.equals(d.getMetadata().getName())
          && namespace.equals(d.getMetadata().getNamespace());
    }
  }

  static List<Bounds> read(KubernetesClient client) {
    List<Bounds> out = new ArrayList<>();
    for (var h : client.autoscaling().v2().horizontalPodAutoscalers().inAnyNamespace().list().getItems()) {
      if (h.getSpec() != null && h.getSpec().getScaleTargetRef() != null && h.getSpec().getMaxReplicas() != null) {
        out.add(new Bounds(h.getMetadata().getNamespace(), h.getSpec().getScaleTargetRef().getKind(),
            h.getSpec().getScaleTargetRef().getName(), h.getSpec().getMinReplicas(), h.getSpec().getMaxReplicas()));
      }
    }
    for (var h : client.autoscaling().v1().horizontalPodAutoscalers().inAnyNamespace().list().getItems()) {
      if (h.getSpec() != null && h.getSpec().getScaleTargetRef() != null && h.getSpec().getMaxReplicas() != null) {
        out.add(new Bounds(h.getMetadata().getNamespace(), h.getSpec().getScaleTargetRef().getKind(),
            h.getSpec().getScaleTargetRef().getName(), h.getSpec().getMinReplicas(), h.getSpec().getMaxReplicas()));
      }
    }
    return out;
  }
}
