package dev.canarybot.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.service.port.ClusterUnavailableException;
import dev.canarybot.service.port.RouteWeights;
import dev.canarybot.service.port.TargetException;
import dev.canarybot.testing.CrudApiServer;
import dev.canarybot.testing.ExampleCluster;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Discovery against fabric8's mock API server, answering {@code /apis/networking.istio.io} as told. */
class IstioVersionsTest {
  private static final String GROUP_PATH = "/apis/networking.istio.io";

  private KubernetesMockServer server;
  private KubernetesClient client;

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

  private static MeshConfig pins(String virtualServices, String destinationRules) {
    return new MeshConfig() {
      @Override public Optional<String> virtualServiceApiVersion() { return Optional.ofNullable(virtualServices); }
      @Override public Optional<String> destinationRuleApiVersion() { return Optional.ofNullable(destinationRules); }
      @Override public String clusterDomain() { return "cluster.local"; }
      @Override public int writeAttempts() { return 5; }
    };
  }

  private static final MeshConfig UNPINNED = pins(null, null);

  /** The APIGroup a real API server answers, versions in its order of priority. */
  private static APIGroup group(String preferred, String... versions) {
    APIGroupBuilder b = new APIGroupBuilder().withName("networking.istio.io")
        .withNewPreferredVersion().withGroupVersion("networking.istio.io/" + preferred).withVersion(preferred)
        .endPreferredVersion();
    for (String v : versions) {
      b.addNewVersion().withGroupVersion("networking.istio.io/" + v).withVersion(v).endVersion();
    }
    return b.build();
  }

  private void serves(APIGroup group) {
    server.expect().get().withPath(GROUP_PATH).andReturn(200, group).always();
  }

  @Test
  void aServerOfV1OnlyIsUsedAtV1() {
    serves(group("v1", "v1"));
    IstioApiVersions chosen = new IstioVersions(client, UNPINNED).get();
    assertThat(chosen.virtualServices().apiVersion()).isEqualTo("networking.istio.io/v1");
    assertThat(chosen.destinationRules().apiVersion()).isEqualTo("networking.istio.io/v1");
  }

  @Test
  void aServerOfV1beta1OnlyIsUsedAtV1beta1() {
    serves(group("v1beta1", "v1beta1"));
    IstioApiVersions chosen = new IstioVersions(client, UNPINNED).get();
    assertThat(chosen.virtualServices().apiVersion()).isEqualTo("networking.istio.io/v1beta1");
    assertThat(chosen.destinationRules().apiVersion()).isEqualTo("networking.istio.io/v1beta1");
  }

  @Test
  void aServerOfBothIsUsedAtItsPreferredV1() {
    serves(group("v1", "v1", "v1beta1", "v1alpha3"));
    IstioApiVersions chosen = new IstioVersions(client, UNPINNED).get();
    assertThat(chosen.virtualServices().apiVersion()).isEqualTo("networking.istio.io/v1");
    assertThat(chosen.describe()).contains("it serves v1, v1beta1, v1alpha3");
  }

  @Test
  void thePinWinsOverWhatIsServedAndNothingIsAsked() {
    serves(group("v1", "v1", "v1beta1"));
    IstioApiVersions chosen = new IstioVersions(client,
        pins("networking.istio.io/v1beta1", "networking.istio.io/v1beta1")).get();
    assertThat(chosen.virtualServices().apiVersion()).isEqualTo("networking.istio.io/v1beta1");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void theAnswerIsAskedOnceAndKept() {
    serves(group("v1", "v1", "v1beta1"));
    IstioVersions versions = new IstioVersions(client, UNPINNED);
    versions.get();
    versions.get();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aGroupTheServerDoesNotKnowIsRefusedAsIstioMissing() {
    // No expectation: the mock answers 404, as an API server without Istio's CRDs does.
    assertThatThrownBy(() -> new IstioVersions(client, UNPINNED).get())
        .isInstanceOf(TargetException.class)
        .hasMessageContaining("is Istio installed?");
  }

  @Test
  void aFailedAskIsNotKeptAndTheNextUseAsksAgain() {
    server.expect().get().withPath(GROUP_PATH).andReturn(500, "etcd is away").once();
    serves(group("v1", "v1"));
    // fabric8 retries a 5xx on its own; without retries the failure reaches the bot.
    KubernetesClient noRetries = server.createClient(b -> b.editOrNewConfig().withRequestRetryBackoffLimit(0).endConfig());
    IstioVersions versions = new IstioVersions(noRetries, UNPINNED);
    assertThatThrownBy(versions::get)
        .isInstanceOf(ClusterUnavailableException.class)
        .hasMessageContaining("which networking.istio.io versions it serves failed");
    assertThat(versions.get().virtualServices().apiVersion()).isEqualTo("networking.istio.io/v1");
  }

  @Test
  void theRouterReadsAtTheDiscoveredVersion() {
    serves(group("v1", "v1", "v1beta1"));
    // A real API server returns the v1beta1 example as v1: it converts between served versions.
    ObjectNode vs = ExampleCluster.example("VirtualService", "api-vs").deepCopy();
    vs.put("apiVersion", "networking.istio.io/v1");
    server.expect().get().withPath("/apis/networking.istio.io/v1/namespaces/default/virtualservices/api-vs")
        .andReturn(200, client.getKubernetesSerialization().convertValue(vs, GenericKubernetesResource.class))
        .always();
    ReleaseTarget target = new ReleaseTarget("default", "api-vs", "primary",
        "api-service.default.svc.cluster.local", "v1", "v2", "api-v1", "api-v2");
    assertThat(new IstioTrafficRouter(client, UNPINNED).read(target)).isEqualTo(new RouteWeights(90, 10, true));
  }

  @Test
  void theCrudMockAnswersNoDiscoverySoTheDemoAndTheTestsPin() {
    try (CrudApiServer crud = new CrudApiServer(); KubernetesClient crudClient = crud.client()) {
      assertThatThrownBy(() -> new IstioVersions(crudClient, UNPINNED).get()).isInstanceOf(TargetException.class);
      assertThat(new IstioVersions(crudClient, pins("networking.istio.io/v1beta1", "networking.istio.io/v1beta1"))
          .get().virtualServices().apiVersion()).isEqualTo("networking.istio.io/v1beta1");
    }
  }
}
