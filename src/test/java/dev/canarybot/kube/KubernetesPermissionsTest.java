package dev.canarybot.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.testing.MutableClock;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API server decides whether the bot may delete; its answer is cached, and doubt is a no. */
class KubernetesPermissionsTest {
  static final String PATH = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

  KubernetesMockServer server;
  KubernetesClient client;
  final MutableClock clock = new MutableClock();

  @BeforeEach
  void start() {
    server = new KubernetesMockServer(false);
    server.init();
    client = server.createClient();
  }

  @AfterEach
  void stop() {
    client.close();
    server.destroy();
  }

  void answer(boolean allowed) {
    server.expect().post().withPath(PATH)
        .andReturn(201, new SelfSubjectAccessReviewBuilder().withNewStatus().withAllowed(allowed).endStatus().build())
        .once();
  }

  @Test
  void itAsksAboutDeletingDeploymentsInThatNamespaceAndKeepsTheAnswer() throws Exception {
    answer(true);
    KubernetesPermissions permissions = new KubernetesPermissions(client, clock);

    assertThat(permissions.mayDelete("default")).isTrue();
    assertThat(permissions.mayDelete("default")).isTrue();

    assertThat(server.getRequestCount()).isEqualTo(1);
    String asked = server.getLastRequest().getBody().readUtf8();
    assertThat(asked).contains("\"verb\":\"delete\"", "\"resource\":\"deployments\"", "\"group\":\"apps\"",
        "\"namespace\":\"default\"");
  }

  @Test
  void aNoIsANoAndIsAskedAgainOnceTheCacheExpires() {
    answer(false);
    answer(true);
    KubernetesPermissions permissions = new KubernetesPermissions(client, clock);

    assertThat(permissions.mayDelete("default")).isFalse();
    clock.advance(KubernetesPermissions.KEEP.plus(Duration.ofSeconds(1)));
    assertThat(permissions.mayDelete("default")).isTrue();
  }

  @Test
  void aQuestionTheServerCannotAnswerCountsAsNo() {
    server.expect().post().withPath(PATH).andReturn(403, "forbidden").once();
    answer(true);
    KubernetesPermissions permissions = new KubernetesPermissions(client, clock);

    assertThat(permissions.mayDelete("default")).isFalse();
    // Asked again sooner than a real answer would be.
    clock.advance(KubernetesPermissions.KEEP_UNKNOWN.plus(Duration.ofSeconds(1)));
    assertThat(permissions.mayDelete("default")).isTrue();
  }
}
