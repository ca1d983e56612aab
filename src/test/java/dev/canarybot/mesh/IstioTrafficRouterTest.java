package dev.canarybot.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.service.port.ConflictException;
import dev.canarybot.service.port.RouteDriftException;
import dev.canarybot.service.port.RouteWeights;
import dev.canarybot.service.port.TargetException;
import dev.canarybot.testing.ExampleCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithKubernetesTestServer(crud = true)
class IstioTrafficRouterTest {
  private static final ReleaseTarget TARGET = new ReleaseTarget("default", "api-vs", "primary",
      "api-service.default.svc.cluster.local", "v1", "v2", "api-v1", "api-v2");

  @Inject KubernetesClient client;
  @Inject MeshConfig config;
  @Inject IstioTrafficRouter router;

  private ExampleCluster cluster;

  @BeforeEach
  void loadExamples() {
    cluster = new ExampleCluster(client).reset();
  }

  private void weights(int stable, int canary) {
    ObjectNode vs = cluster.virtualService("api-vs");
    ((ObjectNode) vs.at("/spec/http/0/route/0")).put("weight", stable);
    ((ObjectNode) vs.at("/spec/http/0/route/1")).put("weight", canary);
    cluster.replaceVirtualService(vs);
  }

  @Test
  void readsTheExampleWeights() {
    assertThat(router.read(TARGET)).isEqualTo(new RouteWeights(90, 10, true));
  }

  @Test
  void walksTheStepsAndReadsBack() {
    assertThat(router.setWeights(TARGET, 10, 50)).isEqualTo(new RouteWeights(50, 50, true));
    assertThat(router.setWeights(TARGET, 50, 100)).isEqualTo(new RouteWeights(0, 100, true));
    assertThat(router.read(TARGET)).isEqualTo(new RouteWeights(0, 100, true));
  }

  @Test
  void keepsEverythingElseIncludingUnknownFields() {
    ObjectNode vs = cluster.virtualService("api-vs");
    ((ObjectNode) vs.at("/spec/http/0")).putObject("someFutureField").put("keep", "me");
    ((ObjectNode) vs.at("/spec")).putArray("exportTo").add(".");
    cluster.replaceVirtualService(vs);
    ObjectNode before = cluster.virtualService("api-vs");

    router.setWeights(TARGET, 10, 50);

    ObjectNode after = cluster.virtualService("api-vs");
    assertThat(after.at("/spec/http/0/someFutureField/keep").asText()).isEqualTo("me");
    assertThat(after.at("/spec/exportTo/0").asText()).isEqualTo(".");
    assertThat(specWithoutWeights(after)).isEqualTo(specWithoutWeights(before));
    assertThat(after.at("/metadata/resourceVersion")).isNotEqualTo(before.at("/metadata/resourceVersion"));
  }

  @Test
  void alreadyAtDesiredWritesNothing() {
    String version = cluster.virtualService("api-vs").at("/metadata/resourceVersion").asText();
    assertThat(router.setWeights(TARGET, 0, 10)).isEqualTo(new RouteWeights(90, 10, true));
    assertThat(cluster.virtualService("api-vs").at("/metadata/resourceVersion").asText()).isEqualTo(version);
  }

  @Test
  void driftIsRefusedAndTheVirtualServiceLeftAlone() {
    weights(70, 30);
    ObjectNode before = cluster.virtualService("api-vs");

    assertThatThrownBy(() -> router.setWeights(TARGET, 10, 50))
        .isInstanceOfSatisfying(RouteDriftException.class,
            e -> assertThat(e.found()).isEqualTo(new RouteWeights(70, 30, true)));
    assertThat(cluster.virtualService("api-vs")).isEqualTo(before);
  }

  @Test
  void aWriterInTheGapWhoMovedTheWeightsIsNotOverwritten() {
    AtomicInteger writes = new AtomicInteger();
    IstioTrafficRouter racing = new IstioTrafficRouter(client, config, read -> {
      if (writes.getAndIncrement() == 0) {
        weights(70, 30); // a person, between our read and our write
      }
    });

    assertThatThrownBy(() -> racing.setWeights(TARGET, 10, 50))
        .isInstanceOfSatisfying(RouteDriftException.class,
            e -> assertThat(e.found()).isEqualTo(new RouteWeights(70, 30, true)));
    assertThat(router.read(TARGET)).isEqualTo(new RouteWeights(70, 30, true));
  }

  @Test
  void aWriterInTheGapWhoChangedSomethingElseIsKeptAndTheMoveRedecided() {
    AtomicInteger writes = new AtomicInteger();
    IstioTrafficRouter racing = new IstioTrafficRouter(client, config, read -> {
      if (writes.getAndIncrement() == 0) {
        ObjectNode vs = cluster.virtualService("api-vs");
        ((ObjectNode) vs.at("/spec/http/0")).put("timeout", "20s");
        cluster.replaceVirtualService(vs);
      }
    });

    assertThat(racing.setWeights(TARGET, 10, 50)).isEqualTo(new RouteWeights(50, 50, true));
    assertThat(writes.get()).isEqualTo(2);
    assertThat(cluster.virtualService("api-vs").at("/spec/http/0/timeout").asText()).isEqualTo("20s");
  }

  @Test
  void aWriterInTheGapWhoAlreadyMovedToDesiredEndsTheMove() {
    IstioTrafficRouter racing = new IstioTrafficRouter(client, config, read -> weights(50, 50));
    assertThat(racing.setWeights(TARGET, 10, 50)).isEqualTo(new RouteWeights(50, 50, true));
  }

  @Test
  void aWriterInEveryGapEndsInAConflictAfterTheConfiguredAttempts() {
    AtomicInteger writes = new AtomicInteger();
    IstioTrafficRouter racing = new IstioTrafficRouter(client, config, read -> {
      ObjectNode vs = cluster.virtualService("api-vs");
      ((ObjectNode) vs.at("/spec/http/0")).put("timeout", writes.incrementAndGet() + "s");
      cluster.replaceVirtualService(vs);
    });

    assertThatThrownBy(() -> racing.setWeights(TARGET, 10, 50))
        .isInstanceOf(ConflictException.class)
        .hasMessageStartingWith("VirtualService api-vs.default update failed:");
    assertThat(writes.get()).isEqualTo(config.writeAttempts());
    assertThat(router.read(TARGET)).isEqualTo(new RouteWeights(90, 10, true));
  }

  @Test
  void dropStableRemovesTheEmptyStableDestination() {
    router.setWeights(TARGET, 10, 100);
    assertThat(router.dropStable(TARGET)).isEqualTo(new RouteWeights(0, 100, true));
    ArrayNode route = (ArrayNode) cluster.virtualService("api-vs").at("/spec/http/0/route");
    assertThat(route).hasSize(1);
    assertThat(route.get(0).at("/destination/subset").asText()).isEqualTo("v2");
    assertThat(router.dropStable(TARGET)).isEqualTo(new RouteWeights(0, 100, true));
  }

  @Test
  void missingVirtualServiceIsNamed() {
    istioDelete();
    assertThatThrownBy(() -> router.read(TARGET))
        .isInstanceOf(TargetException.class)
        .hasMessage("VirtualService api-vs.default not found");
  }

  private void istioDelete() {
    cluster.istio("VirtualService").inNamespace("default").withName("api-vs").delete();
  }

  private static ObjectNode specWithoutWeights(ObjectNode vs) {
    ObjectNode spec = vs.path("spec").deepCopy();
    spec.at("/http/0/route").forEach(d -> ((ObjectNode) d).remove("weight"));
    return spec;
  }
}
