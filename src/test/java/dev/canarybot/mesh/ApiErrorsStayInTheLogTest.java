package dev.canarybot.mesh;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.service.port.ClusterUnavailableException;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An RBAC denial names the API server's URL and the bot's ServiceAccount; what the bot says in
 * chat names neither (the log keeps the whole exception).
 */
class ApiErrorsStayInTheLogTest {
  static final ReleaseTarget TARGET = new ReleaseTarget("default", "api-vs", "primary",
      "api-service.default.svc.cluster.local", "v1", "v2", "api-v1", "api-v2");

  KubernetesMockServer server;
  KubernetesClient client;

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

  @Test
  void aForbiddenReadSaysForbiddenAndNothingElse() {
    server.expect().get().withPath("/apis/networking.istio.io/v1beta1/namespaces/default/virtualservices/api-vs")
        .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden")
            .withMessage("virtualservices.networking.istio.io \"api-vs\" is forbidden: User "
                + "\"system:serviceaccount:canary-bot:canary-bot\" cannot get resource \"virtualservices\"")
            .build())
        .always();
    MeshConfig mesh = new MeshConfig() {
      @Override public java.util.Optional<String> virtualServiceApiVersion() { return java.util.Optional.of("networking.istio.io/v1beta1"); }
      @Override public java.util.Optional<String> destinationRuleApiVersion() { return java.util.Optional.of("networking.istio.io/v1beta1"); }
      @Override public String clusterDomain() { return "cluster.local"; }
      @Override public int writeAttempts() { return 1; }
    };
    IstioTrafficRouter router = new IstioTrafficRouter(client, mesh);

    assertThatThrownBy(() -> router.read(TARGET))
        .isInstanceOf(ClusterUnavailableException.class)
        .hasMessage("VirtualService api-vs.default read failed: HTTP 403 Forbidden from the Kubernetes API "
            + "(details in canary-bot's log)")
        // The cause keeps everything for the log.
        .cause().hasMessageContaining("system:serviceaccount:canary-bot:canary-bot");
  }
}
