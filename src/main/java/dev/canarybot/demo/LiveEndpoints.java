package dev.canarybot.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ready pods behind each subset of a host, as Envoy's endpoints would have them: the pods that
 * carry the subset's labels (from the host's DestinationRule) and whose Ready condition is True.
 */
final class LiveEndpoints {
  private static final ResourceDefinitionContext DESTINATION_RULES = new ResourceDefinitionContext.Builder()
      .withGroup("networking.istio.io").withVersion("v1beta1").withKind("DestinationRule")
      .withPlural("destinationrules").withNamespaced(true).build();

  private final KubernetesClient client;

  LiveEndpoints(KubernetesClient client) {
    this.client = client;
  }

  /** Subset to ready pods; empty when no DestinationRule in {@code namespace} names {@code host}'s subsets. */
  Map<String, Integer> ready(String namespace, String host) {
    Map<String, Map<String, String>> subsets = subsets(namespace, host);
    if (subsets.isEmpty()) {
      return Map.of();
    }
    List<Pod> pods = client.pods().inNamespace(namespace).list().getItems();
    Map<String, Integer> out = new LinkedHashMap<>();
    subsets.forEach((subset, labels) -> out.put(subset, count(pods, labels)));
    return out;
  }

  static int count(List<Pod> pods, Map<String, String> labels) {
    int ready = 0;
    for (Pod p : pods) {
      Map<String, String> own = p.getMetadata().getLabels();
      boolean selected = own != null && own.entrySet().containsAll(labels.entrySet());
      boolean isReady = p.getMetadata().getDeletionTimestamp() == null && p.getStatus() != null
          && p.getStatus().getConditions() != null && p.getStatus().getConditions().stream()
              .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
      if (selected && isReady) {
        ready++;
      }
    }
    return ready;
  }

  private Map<String, Map<String, String>> subsets(String namespace, String host) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (GenericKubernetesResource dr : client.genericKubernetesResources(DESTINATION_RULES).inNamespace(namespace)
        .list().getItems()) {
      JsonNode spec = client.getKubernetesSerialization().convertValue(dr, JsonNode.class).path("spec");
      String drHost = spec.path("host").asText();
      // A short host means the Service of that name in the rule's own namespace.
      if (!drHost.equals(host) && !host.startsWith(drHost + "." + namespace + ".")) {
        continue;
      }
      for (JsonNode s : spec.path("subsets")) {
        Map<String, String> labels = new LinkedHashMap<>();
        s.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        if (!labels.isEmpty()) {
          out.put(s.path("name").asText(), labels);
        }
      }
    }
    return out;
  }
}
