package dev.canarybot.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CleanupMode;
import dev.canarybot.release.Phase;
import dev.canarybot.release.TestersMatch;
import dev.canarybot.service.port.ReleaseStore;
import dev.canarybot.service.port.TargetQuery;
import dev.canarybot.store.CanaryReleaseResource;
import dev.canarybot.testing.AllowsDeletes;
import dev.canarybot.testing.CrdInstaller;
import dev.canarybot.testing.ExampleCluster;
import dev.canarybot.testing.MutableClock;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The testers' route through the release's life against the CRUD API server: cleanup, drift, resume. */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = AllowsDeletes.class)
class TestersFlowTest {
  static final String NS = "default";
  static final String TESTERS = "canary-bot-testers-api-vs";

  @Inject KubernetesClient client;
  @Inject ReleaseService service;
  @Inject ReleaseStore store;
  @Inject MutableClock clock;

  ExampleCluster cluster;

  @BeforeEach
  void freshCluster() {
    CrdInstaller.install(client);
    client.resources(CanaryReleaseResource.class).inNamespace(NS).delete();
    cluster = new ExampleCluster(client).reset();
    clock.set(MutableClock.START);
  }

  void startWithTesters() {
    ActionResult r = service.start(new StartRequest("<@U0OPERATOR>", new TargetQuery(NS, "api-vs", null, null, null),
        null, true, null, List.of(), null, TestersMatch.parse("x-canary=always")));
    assertThat(r).as(r.toString()).isInstanceOf(ActionResult.Done.class);
    assertThat(((ActionResult.Done) r).outcome()).contains("testers with x-canary=always reach v2 by route " + TESTERS);
  }

  JsonNode http() {
    return cluster.virtualService("api-vs").path("spec").path("http");
  }

  CanaryRelease stored() {
    return store.find(NS, "api-vs").orElseThrow().release();
  }

  @Test
  void cleanupByDeleteRemovesTheTestersRouteAndDropsOnlyTheStable() {
    startWithTesters();
    assertThat(http().path(0).path("name").asText()).isEqualTo(TESTERS);
    service.promote(NS, "api-vs", "<@U0APPROVER>", 100, -1, "hotfix", false);
    assertThat(http().path(0).path("name").asText()).as("kept at 100 %% until cleanup").isEqualTo(TESTERS);

    service.cleanup(NS, "api-vs", "<@U0APPROVER>", CleanupMode.DELETE, true);

    assertThat(http().size()).isEqualTo(1);
    assertThat(http().at("/0/name").asText()).isEqualTo("primary");
    assertThat(http().at("/0/route/0/destination/subset").asText()).isEqualTo("v2");
    assertThat(stored().phase()).isEqualTo(Phase.CleanedUp);
    assertThat(stored().status().addedRoutes()).isEmpty();
  }

  @Test
  void aHandEditedTestersRouteIsDriftOnTheResyncAndResumeTakesItBack() {
    startWithTesters();
    ObjectNode vs = cluster.virtualService("api-vs");
    ((ObjectNode) vs.at("/spec/http/0")).put("timeout", "1s");
    cluster.replaceVirtualService(vs);

    service.resyncAll();

    assertThat(stored().phase()).isEqualTo(Phase.Paused);
    assertThat(stored().status().last().reason()).isEqualTo("VirtualService api-vs.default route primary: the "
        + "testers' route " + TESTERS + " was changed outside canary-bot; paused, nothing overwritten");
    service.resyncAll();
    assertThat(http().at("/0/timeout").asText()).isEqualTo("1s");

    service.resume(NS, "api-vs", "<@U0OPERATOR>");

    assertThat(stored().phase()).isEqualTo(Phase.Progressing);
    assertThat(http().at("/0/timeout").asText()).isEqualTo("10s");
    service.resyncAll();
    assertThat(stored().phase()).isEqualTo(Phase.Progressing);
  }

  @Test
  void aRestartAfterRollbackFindsTheWeightedRouteAgain() {
    startWithTesters();
    service.rollback(NS, "api-vs", "<@U0OPERATOR>", "again", -1);
    assertThat(http().size()).isEqualTo(1);

    startWithTesters();

    assertThat(http().size()).isEqualTo(2);
    assertThat(http().at("/1/route/1/weight").asInt()).isEqualTo(10);
  }
}
