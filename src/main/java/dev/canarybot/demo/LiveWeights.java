package dev.canarybot.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.LinkedHashMap;
import java.util.Map;

/** The weights per subset of a VirtualService's first weighted route, as the cluster has them now. */
final class LiveWeights {
  private static final ResourceDefinitionContext VIRTUAL_SERVICES = new ResourceDefinitionContext.Builder()
      .withGroup("networking.istio.io").withVersion("v1beta1").withKind("VirtualService")
      .withPlural("virtualservices").withNamespaced(true).build();

  private final KubernetesClient client;

  LiveWeights(KubernetesClient client) {
    this.client = client;
  }

  /** Subset to weight; empty when the VirtualService is gone. */
  Map<String, Integer> read(String namespace, String name) {
    GenericKubernetesResource vs =
        client.genericKubernetesResources(VIRTUAL_SERVICES).inNamespace(namespace).withName(name).get();
    if (vs == null) {
      return Map.of();
    }
    JsonNode spec = client.getKubernetesSerialization().convertValue(vs, JsonNode.class).path("spec");
    return of(spec);
  }

  static Map<String, Integer> of(JsonNode spec) {
    for (JsonNode http : spec.path("http")) {
      JsonNode route = http.path("route");
      if (route.size() < 2) {
        continue;
      }
      Map<String, Integer> weights = new LinkedHashMap<>();
      // Istio sends everything to a lone destination; with several, a missing weight is 0.
      route.forEach(d -> weights.put(d.at("/destination/subset").asText(), d.path("weight").asInt(0)));
      return weights;
    }
    JsonNode only = spec.at("/http/0/route/0/destination/subset");
    return only.isMissingNode() ? Map.of() : Map.of(only.asText(), 100);
  }
}
