package dev.canarybot.kube;

import dev.canarybot.analysis.PodHealth;
import dev.canarybot.service.port.PodHealthReader;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Ready pods, restarts and OOM kills of a Deployment's pods, found by the Deployment's selector.
 * Kubernetes keeps only a restart count and the last termination per container, so for a pod
 * older than {@code since} a restart or OOM kill after {@code since} counts once (a lower
 * bound); a pod created after {@code since} counts all its restarts.
 */
@ApplicationScoped
public class KubernetesPodHealthReader implements PodHealthReader {
  private static final Logger LOG = Logger.getLogger(KubernetesPodHealthReader.class);
  private static final String OOM_KILLED = "OOMKilled";

  private final KubernetesClient client;

  @Inject
  public KubernetesPodHealthReader(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public PodHealth health(String namespace, String deployment, Instant since) {
    try {
      Deployment d = client.apps().deployments().inNamespace(namespace).withName(deployment).get();
      if (d == null || d.getSpec().getSelector() == null || d.getSpec().getSelector().getMatchLabels() == null) {
        return null;
      }
      Map<String, String> selector = d.getSpec().getSelector().getMatchLabels();
      List<Pod> pods = client.pods().inNamespace(namespace).withLabels(selector).list().getItems();
      return count(pods, since);
    } catch (KubernetesClientException e) {
      LOG.warnf("pods of Deployment %s.%s unreadable: %s", deployment, namespace, e.getMessage());
      return null;
    }
  }

  static PodHealth count(List<Pod> pods, Instant since) {
    int ready = 0;
    int total = 0;
    int restarts = 0;
    int oomKilled = 0;
    for (Pod pod : pods) {
      String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
      // Finished pods (a completed Job-like pod, an evicted one) are not serving and not expected to.
      if ("Succeeded".equals(phase) || "Failed".equals(phase) || pod.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      total++;
      if (isReady(pod)) {
        ready++;
      }
      boolean newSince = after(pod.getMetadata().getCreationTimestamp(), since);
      for (ContainerStatus c : containers(pod)) {
        ContainerStateTerminated last = c.getLastState() == null ? null : c.getLastState().getTerminated();
        boolean lastAfter = last != null && after(last.getFinishedAt(), since);
        int count = c.getRestartCount() == null ? 0 : c.getRestartCount();
        restarts += newSince ? count : (lastAfter ? Math.min(1, count) : 0);
        if (lastAfter && OOM_KILLED.equals(last.getReason())) {
          oomKilled++;
        }
        ContainerStateTerminated now = c.getState() == null ? null : c.getState().getTerminated();
        if (now != null && OOM_KILLED.equals(now.getReason()) && after(now.getFinishedAt(), since)) {
          oomKilled++;
        }
      }
    }
    return new PodHealth(ready, total, restarts, oomKilled);
  }

  private static boolean isReady(Pod pod) {
    return pod.getStatus() != null && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static List<ContainerStatus> containers(Pod pod) {
    return pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
        ? List.of() : pod.getStatus().getContainerStatuses();
  }

  private static boolean after(String timestamp, Instant since) {
    return timestamp != null && Instant.parse(timestamp).isAfter(since);
  }
}
