package dev.canarybot.mesh;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * VirtualServices and DestinationRules as generic resources. The typed istio model would drop
 * fields it does not know on a round trip, so the bot never writes through it.
 */
final class IstioApi {
  private final KubernetesClient client;
  private final ResourceDefinitionContext virtualServices;
  private final ResourceDefinitionContext destinationRules;

  IstioApi(KubernetesClient client, MeshConfig config) {
    this.client = client;
    this.virtualServices = context(config.virtualServiceApiVersion(), "VirtualService", "virtualservices");
    this.destinationRules = context(config.destinationRuleApiVersion(), "DestinationRule", "destinationrules");
  }

  MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
      virtualServices() {
    return client.genericKubernetesResources(virtualServices);
  }

  MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
      destinationRules() {
    return client.genericKubernetesResources(destinationRules);
  }

  ObjectNode tree(GenericKubernetesResource resource) {
    return client.getKubernetesSerialization().convertValue(resource, ObjectNode.class);
  }

  GenericKubernetesResource resource(ObjectNode tree) {
    return client.getKubernetesSerialization().convertValue(tree, GenericKubernetesResource.class);
  }

  // Explicit contexts spare an API discovery round trip and work for any configured version.
  private static ResourceDefinitionContext context(String apiVersion, String kind, String plural) {
    int slash = apiVersion.indexOf('/');
    return new ResourceDefinitionContext.Builder()
        .withGroup(apiVersion.substring(0, slash))
        .withVersion(apiVersion.substring(slash + 1))
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(true)
        .build();
  }
}
