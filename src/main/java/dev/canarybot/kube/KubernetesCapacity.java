package dev.canarybot.kube;

import dev.canarybot.cluster.KubernetesErrors;
import dev.canarybot.release.ReplicaReading;
import dev.canarybot.service.port.Capacity;
import dev.canarybot.service.port.TargetException;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads and raises the canary's replicas, through its HorizontalPodAutoscaler when one targets it. */
@ApplicationScoped
public class KubernetesCapacity implements Capacity {
  private static final int HTTP_NOT_FOUND = 404;
  private static final int MAX_PROBLEMS = 3;
  private static final int MAX_TEXT = 160;

  private final KubernetesClient client;

  @Inject
  public KubernetesCapacity(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public ReplicaReading read(String namespace, String deployment) {
    Deployment d = deployment(namespace, deployment);
    int desired = d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    int ready = d.getStatus() == null || d.getStatus().getReadyReplicas() == null ? 0 : d.getStatus().getReadyReplicas();
    Long generation = d.getMetadata().getGeneration();
    Long observed = d.getStatus() == null ? null : d.getStatus().getObservedGeneration();
    // Ready replicas speak about the newest spec only once the controller has seen it.
    boolean current = generation == null || (observed != null && observed >= generation);
    HorizontalPodAutoscaler hpa = autoscalerOf(namespace, deployment);
    if (hpa == null) {
      return ReplicaReading.plain(desired, ready, current);
    }
    Integer min = hpa.getSpec().getMinReplicas();
    return new ReplicaReading(desired, ready, current, hpa.getMetadata().getName(),
        min == null ? 1 : min, hpa.getSpec().getMaxReplicas() == null ? 0 : hpa.getSpec().getMaxReplicas());
  }

  @Override
  public void scale(String namespace, String deployment, int replicas) {
    deployment(namespace, deployment);
    try {
      client.apps().deployments().inNamespace(namespace).withName(deployment).scale(replicas);
    } catch (KubernetesClientException e) {
      throw new TargetException("Deployment " + deployment + "." + namespace + " scale to " + replicas
          + " failed: " + KubernetesErrors.summary(e), e);
    }
  }

  @Override
  public void setAutoscalerMin(String namespace, String autoscaler, int minReplicas) {
    try {
      client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace).withName(autoscaler)
          .edit(h -> {
            h.getSpec().setMinReplicas(minReplicas);
            return h;
          });
    } catch (KubernetesClientException e) {
      throw new TargetException("HorizontalPodAutoscaler " + autoscaler + "." + namespace
          + " minReplicas " + minReplicas + " failed: " + KubernetesErrors.summary(e), e);
    }
  }

  @Override
  public String whyNotReady(String namespace, String deployment) {
    Deployment d = deployment(namespace, deployment);
    Map<String, String> selector = d.getSpec() == null || d.getSpec().getSelector() == null
        ? null : d.getSpec().getSelector().getMatchLabels();
    if (selector == null || selector.isEmpty()) {
      return "Deployment " + deployment + " has no label selector to find its pods by";
    }
    try {
      List<Pod> pods = client.pods().inNamespace(namespace).withLabels(selector).list().getItems();
      if (pods.isEmpty()) {
        return "no pods of " + deployment + " exist (check its ReplicaSet and quota)";
      }
      List<String> problems = new ArrayList<>();
      pods.forEach(p -> PodProblems.of(p).ifPresent(problems::add));
      Set<String> names = pods.stream().map(p -> p.getMetadata().getName()).collect(Collectors.toSet());
      List<Event> events = client.v1().events().inNamespace(namespace).list().getItems();
      events.stream()
          .filter(e -> e.getInvolvedObject() != null && names.contains(e.getInvolvedObject().getName()))
          .filter(e -> "Warning".equals(e.getType()))
          .map(e -> e.getInvolvedObject().getName() + " " + e.getReason() + ": " + e.getMessage())
          .forEach(problems::add);
      if (problems.isEmpty()) {
        return "pods of " + deployment + " are not ready and give no reason (readiness probe?)";
      }
      return problems.stream().distinct().limit(MAX_PROBLEMS).map(KubernetesCapacity::shorten)
          .collect(Collectors.joining("; "));
    } catch (KubernetesClientException e) {
      return "pods of " + deployment + " unreadable: " + KubernetesErrors.summary(e);
    }
  }

  private HorizontalPodAutoscaler autoscalerOf(String namespace, String deployment) {
    try {
      return client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace).list().getItems()
          .stream()
          .filter(h -> h.getSpec() != null && h.getSpec().getScaleTargetRef() != null
              && "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
              && deployment.equals(h.getSpec().getScaleTargetRef().getName()))
          .findFirst().orElse(null);
    } catch (KubernetesClientException e) {
      throw new TargetException("HorizontalPodAutoscalers of " + namespace + " unreadable: "
          + KubernetesErrors.summary(e), e);
    }
  }

  private Deployment deployment(String namespace, String deployment) {
    try {
      Deployment d = client.apps().deployments().inNamespace(namespace).withName(deployment).get();
      if (d == null) {
        throw new TargetException("Deployment " + deployment + "." + namespace + " not found");
      }
      return d;
    } catch (KubernetesClientException e) {
      if (e.getCode() == HTTP_NOT_FOUND) {
        throw new TargetException("Deployment " + deployment + "." + namespace + " not found", e);
      }
      throw new TargetException("Deployment " + deployment + "." + namespace + " unreadable: "
          + KubernetesErrors.summary(e), e);
    }
  }

  /** Read from the cluster, so untrusted: kept short; the caller escapes it for Slack. */
  private static String shorten(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
  }
}
