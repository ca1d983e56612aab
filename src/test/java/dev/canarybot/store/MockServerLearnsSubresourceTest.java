package dev.canarybot.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.testing.CrdInstaller;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

/**
 * The CRUD mock treats status as a subresource only for kinds whose CRD it holds; this is why
 * every Quarkus test installs the committed CRD first. A fresh server per test, without Quarkus.
 */
@EnableKubernetesMockClient(crud = true)
class MockServerLearnsSubresourceTest {
  KubernetesClient client;

  private CanaryReleaseResource create(String namespace) {
    CanaryReleaseResource resource = CanaryReleaseMapper.toResource(Releases.started(namespace, "api-vs"));
    return client.resources(CanaryReleaseResource.class).inNamespace(namespace).resource(resource).create();
  }

  @Test
  void withoutTheCrdStatusIsPartOfTheObject() {
    assertThat(create("no-crd").getStatus()).isNotNull();
  }

  @Test
  void withTheCrdStatusIsASubresource() {
    CrdInstaller.install(client);
    assertThat(create("with-crd").getStatus()).isNull();
  }
}
