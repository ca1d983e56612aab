package dev.canarybot.mesh;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * VirtualServices and DestinationRules as generic resources, at the versions {@link IstioVersions}
 * chose. The typed istio model would drop fields it does not know on a round trip, so the bot
 * never writes through it.
 */
final class IstioApi {
  private final KubernetesClient client;
  private final IstioVersions versions;

  IstioApi(KubernetesClient client, IstioVersions versions) {
    this.client = client;
    this.versions = versions;
  }

  MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
      virtualServices() {
    return client.genericKubernetesResources(
        context(versions.get().virtualServices(), "VirtualService", "virtualservices"));
  }

  MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
      destinationRules() {
    return client.genericKubernetesResources(
        context(versions.get().destinationRules(), "DestinationRule", "destinationrules"));
  }

  ObjectNode tree(GenericKubernetesResource resource) {
    return client.getKubernetesSerialization().convertValue(resource, ObjectNode.class);
  }

  GenericKubernetesResource resource(ObjectNode tree) {
    return client.getKubernetesSerialization().convertValue(tree, GenericKubernetesResource.class);
  }

  // Explicit contexts spare fabric8's own discovery round trip on every call.
  private static ResourceDefinitionContext context(IstioApiVersion version, String kind, String plural) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(version.group())
        .withVersion(version.version())
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(true)
        .build();
  }
}
