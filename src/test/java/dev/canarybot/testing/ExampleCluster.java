package dev.canarybot.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Puts the example app of {@code manifests/examples/} into the test API server. Istio objects go
 * in as generic resources so that fields the istio model does not know are stored as written.
 */
public final class ExampleCluster {
  public static final String NS = "default";
  public static final Path EXAMPLES = Path.of("manifests", "examples");

  private final KubernetesClient client;

  public ExampleCluster(KubernetesClient client) {
    this.client = client;
  }

  /** Empties the namespace and loads every example manifest. */
  public ExampleCluster reset() {
    client.apps().deployments().inNamespace(NS).list().getItems()
        .forEach(d -> client.resource(d).delete());
    client.services().inNamespace(NS).list().getItems().forEach(s -> client.resource(s).delete());
    for (String kind : List.of("VirtualService", "DestinationRule", "Gateway")) {
      istio(kind).inNamespace(NS).list().getItems()
          .forEach(r -> istio(kind).inNamespace(NS).withName(r.getMetadata().getName()).delete());
    }
    documents().forEach(this::create);
    client.apps().deployments().inNamespace(NS).list().getItems()
        .forEach(d -> ready(d.getMetadata().getName(), d.getSpec().getReplicas()));
    return this;
  }

  /**
   * Sets a Deployment's status as its controller would once {@code ready} pods serve its current
   * spec (the CRUD mock has no controller; status is no subresource there, so this is an edit).
   */
  public void ready(String deployment, int ready) {
    client.apps().deployments().inNamespace(NS).withName(deployment).edit(d -> {
      d.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder()
          .withReplicas(ready).withReadyReplicas(ready).withAvailableReplicas(ready)
          .withUpdatedReplicas(ready).withObservedGeneration(d.getMetadata().getGeneration()).build());
      return d;
    });
  }

  public void create(ObjectNode doc) {
    String kind = doc.path("kind").asText();
    if (doc.path("apiVersion").asText().startsWith("networking.istio.io/")) {
      GenericKubernetesResource resource =
          client.getKubernetesSerialization().convertValue(doc, GenericKubernetesResource.class);
      istio(kind).inNamespace(NS).resource(resource).create();
    } else {
      HasMetadata typed = client.getKubernetesSerialization().unmarshal(doc.toString());
      HasMetadata created = client.resource(typed).inNamespace(NS).create();
      if (created instanceof Deployment d) {
        rolledOut(d);
      }
    }
  }

  /**
   * The status a Deployment controller writes once a rollout is done (the test API server has
   * none): every replica updated and ready, its generation observed. The start's checks want it.
   */
  private void rolledOut(Deployment d) {
    int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
        .withReplicas(replicas).withUpdatedReplicas(replicas).withReadyReplicas(replicas)
        .withAvailableReplicas(replicas).build());
    client.apps().deployments().inNamespace(NS).resource(d).updateStatus();
  }

  /** Reads one example document, to change it before {@link #create}. */
  public static ObjectNode example(String kind, String name) {
    return documents().stream()
        .filter(d -> d.path("kind").asText().equals(kind) && d.at("/metadata/name").asText().equals(name))
        .findFirst()
        .orElseThrow();
  }

  public static List<ObjectNode> documents() {
    List<ObjectNode> docs = new ArrayList<>();
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      // Only the folder's own YAML files: subfolders (gateway-api/) hold other variants of the app.
      for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml") && Files.isRegularFile(f)).sorted().toList()) {
        new YAMLMapper().readValues(new YAMLMapper().createParser(file.toFile()), ObjectNode.class)
            .forEachRemaining(docs::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return docs;
  }

  public MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
      istio(String kind) {
    return client.genericKubernetesResources(new ResourceDefinitionContext.Builder()
        .withGroup("networking.istio.io")
        .withVersion("v1beta1")
        .withKind(kind)
        .withPlural(kind.toLowerCase() + "s")
        .withNamespaced(true)
        .build());
  }

  public ObjectNode virtualService(String name) {
    return client.getKubernetesSerialization()
        .convertValue(istio("VirtualService").inNamespace(NS).withName(name).get(), ObjectNode.class);
  }

  public void replaceVirtualService(ObjectNode tree) {
    GenericKubernetesResource resource =
        client.getKubernetesSerialization().convertValue(tree, GenericKubernetesResource.class);
    istio("VirtualService").inNamespace(NS).resource(resource).update();
  }
}
