package dev.canarybot.kube;

import dev.canarybot.cluster.KubernetesErrors;
import dev.canarybot.release.StartFacts;
import dev.canarybot.service.port.PreflightFacts;
import dev.canarybot.service.port.TargetException;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a Deployment and its pods for the preflight of a start: one get and one list, both
 * already granted for pod health.
 */
@ApplicationScoped
public class KubernetesPreflightFacts implements PreflightFacts {
  static final String SIDECAR = "istio-proxy";

  private final KubernetesClient client;

  @Inject
  public KubernetesPreflightFacts(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public StartFacts.Workload workload(String namespace, String deployment) {
    try {
      Deployment d = client.apps().deployments().inNamespace(namespace).withName(deployment).get();
      if (d == null || d.getSpec() == null) {
        return StartFacts.Workload.missing(deployment);
      }
      var spec = d.getSpec();
      var status = d.getStatus();
      List<String> images = spec.getTemplate() == null || spec.getTemplate().getSpec() == null ? List.of()
          : spec.getTemplate().getSpec().getContainers().stream()
              .filter(c -> !SIDECAR.equals(c.getName())).map(Container::getImage).toList();
      Map<String, String> selector = spec.getSelector() == null ? null : spec.getSelector().getMatchLabels();
      List<StartFacts.PodMesh> pods = selector == null || selector.isEmpty() ? List.of()
          : client.pods().inNamespace(namespace).withLabels(selector).list().getItems().stream()
              .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
              .map(KubernetesPreflightFacts::mesh).toList();
      return new StartFacts.Workload(deployment, true, Boolean.TRUE.equals(spec.getPaused()),
          d.getMetadata().getGeneration(), status == null ? null : status.getObservedGeneration(),
          spec.getReplicas() == null ? 1 : spec.getReplicas(),
          status == null || status.getUpdatedReplicas() == null ? 0 : status.getUpdatedReplicas(),
          images, pods);
    } catch (KubernetesClientException e) {
      throw new TargetException("reading Deployment " + deployment + "." + namespace + " and its pods failed: "
          + KubernetesErrors.summary(e), e);
    }
  }

  /** A sidecar is an istio-proxy container, or the same as a native sidecar (an init container). */
  static StartFacts.PodMesh mesh(Pod pod) {
    PodSpec spec = pod.getSpec();
    boolean sidecar = spec != null && Stream.concat(
            Optional.ofNullable(spec.getContainers()).orElse(List.of()).stream(),
            Optional.ofNullable(spec.getInitContainers()).orElse(List.of()).stream())
        .anyMatch(c -> SIDECAR.equals(c.getName()));
    Map<String, String> labels = Optional.ofNullable(pod.getMetadata().getLabels()).orElse(Map.of());
    Map<String, String> annotations = Optional.ofNullable(pod.getMetadata().getAnnotations()).orElse(Map.of());
    boolean ambient = "ambient".equals(labels.get("istio.io/dataplane-mode"))
        || "enabled".equals(annotations.get("ambient.istio.io/redirection"));
    return new StartFacts.PodMesh(pod.getMetadata().getName(), sidecar, ambient);
  }
}
