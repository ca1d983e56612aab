package dev.canarybot.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the demo's cluster holds at start: the CanaryRelease CRD first (the CRUD mock treats
 * status as a subresource only for kinds whose CRD it holds), then every manifest of the
 * examples folder, then ready pods for each Deployment: the app has been running a while when the
 * demo starts. From then on {@link dev.canarybot.demo.workloads.DeploymentController} keeps them.
 */
final class DemoSeed {
  private final KubernetesClient client;
  private final DemoConfig config;
  private final Clock clock;

  DemoSeed(KubernetesClient client, DemoConfig config, Clock clock) {
    this.client = client;
    this.config = config;
    this.clock = clock;
  }

  void load() {
    installCrd(Path.of(config.crd()));
    for (ObjectNode doc : documents(Path.of(config.manifests()))) {
      create(doc);
    }
    new DemoPods(client).createForDeployments(clock.instant());
  }

  private void installCrd(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
      client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the CanaryRelease CRD at " + file.toAbsolutePath()
          + " (run from the repository root, or set canary.demo.crd)", e);
    }
  }

  private void create(ObjectNode doc) {
    String apiVersion = doc.path("apiVersion").asText();
    String namespace = doc.at("/metadata/namespace").asText("default");
    if (apiVersion.contains(".") && !apiVersion.startsWith("apps/")) {
      // Istio objects go in as generic resources, stored exactly as written.
      GenericKubernetesResource resource =
          client.getKubernetesSerialization().convertValue(doc, GenericKubernetesResource.class);
      client.genericKubernetesResources(context(doc)).inNamespace(namespace).resource(resource).create();
    } else {
      HasMetadata typed = client.getKubernetesSerialization().unmarshal(doc.toString());
      client.resource(typed).inNamespace(namespace).create();
    }
  }

  private static ResourceDefinitionContext context(ObjectNode doc) {
    String apiVersion = doc.path("apiVersion").asText();
    String kind = doc.path("kind").asText();
    return new ResourceDefinitionContext.Builder()
        .withGroup(apiVersion.substring(0, apiVersion.indexOf('/')))
        .withVersion(apiVersion.substring(apiVersion.indexOf('/') + 1))
        .withKind(kind)
        .withPlural(kind.toLowerCase() + "s")
        .withNamespaced(true)
        .build();
  }

  static List<ObjectNode> documents(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalStateException("no manifests folder at " + folder.toAbsolutePath()
          + " (run from the repository root, or set canary.demo.manifests)");
    }
    List<ObjectNode> docs = new ArrayList<>();
    YAMLMapper yaml = new YAMLMapper();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml")).sorted().toList()) {
        yaml.readValues(yaml.createParser(file.toFile()), ObjectNode.class).forEachRemaining(docs::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read manifests in " + folder.toAbsolutePath(), e);
    }
    return docs;
  }
}
