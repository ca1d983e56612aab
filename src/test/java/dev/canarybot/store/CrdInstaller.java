package dev.canarybot.store;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

/**
 * Creates the committed CRD in the mock API server. The CRUD mock only treats status as a
 * subresource for kinds whose CRD it holds, so tests without this would test another API.
 */
final class CrdInstaller {
  private CrdInstaller() {}

  static CustomResourceDefinition install(KubernetesClient client) {
    CustomResourceDefinition crd;
    try (InputStream in = Files.newInputStream(CanaryReleaseCrdTest.COMMITTED)) {
      crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + CanaryReleaseCrdTest.COMMITTED, e);
    }
    CustomResourceDefinition existing =
        client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName()).get();
    return existing != null ? existing : client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
  }
}
