package dev.canarybot.testing;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

/**
 * Creates the committed CRD in the mock API server. The CRUD mock only treats status as a
 * subresource for kinds whose CRD it holds, so tests without this would test another API.
 */
public final class CrdInstaller {
  /** The committed CRD, as {@code kubectl apply -f manifests/crd/} would create it. */
  public static final java.nio.file.Path CRD =
      java.nio.file.Path.of("manifests", "crd", "canaryreleases.canarybot.dev-v1.yml");

  private CrdInstaller() {}

  public static CustomResourceDefinition install(KubernetesClient client) {
    CustomResourceDefinition crd;
    try (InputStream in = Files.newInputStream(CRD)) {
      crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + CRD, e);
    }
    CustomResourceDefinition existing =
        client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName()).get();
    return existing != null ? existing : client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
  }
}
