package dev.canarybot.slack;

import static dev.canarybot.slack.SlackProfile.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.canarybot.demo.slackapi.FakeEphemeral;
import dev.canarybot.service.port.ReleaseStore;
import dev.canarybot.slack.inbound.SlackWork;
import dev.canarybot.slack.outbound.SlackOutbox;
import dev.canarybot.store.CanaryReleaseResource;
import dev.canarybot.testing.CrdInstaller;
import dev.canarybot.testing.Eventually;
import dev.canarybot.testing.ExampleCluster;
import dev.canarybot.testing.FakeSlack;
import dev.canarybot.testing.MutableClock;
import dev.canarybot.testing.SignedSlack;
import dev.canarybot.testing.SlackTook;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With {@code canary.namespaces=default}, a start in another namespace is refused by that rule,
 * even though the VirtualService is there: the refusal names the setting, not a missing route.
 */
@QuarkusTest
@TestProfile(ManagedNamespacesProfile.class)
@WithKubernetesTestServer(crud = true)
class SlackNamespaceScopeTest {
  static final String UNMANAGED = "payments";
  static final String CHANNEL = FakeSlack.CHANNEL;

  @TestHTTPResource("/slack/events") URI events;
  @Inject KubernetesClient client;
  @Inject ReleaseStore store;
  @Inject SlackWork work;
  @Inject SlackOutbox outbox;
  @Inject MutableClock clock;

  SignedSlack slack;
  ExampleCluster cluster;

  @BeforeEach
  void fresh() {
    clock.followSystemTime();
    Eventually.await("idle Slack work", () -> work.idle() && outbox.pending() == 0, idle -> idle);
    FakeSlack.api().reset();
    CrdInstaller.install(client);
    client.resources(CanaryReleaseResource.class).inAnyNamespace().delete();
    cluster = new ExampleCluster(client).reset();
    // The same route in the namespace the bot does not manage, so "not found" cannot be the reason.
    cluster.istio("VirtualService").inNamespace(UNMANAGED).delete();
    ObjectNode vs = ExampleCluster.example("VirtualService", "api-vs");
    vs.with("metadata").put("namespace", UNMANAGED);
    cluster.istio("VirtualService").inNamespace(UNMANAGED)
        .resource(client.getKubernetesSerialization().convertValue(vs, GenericKubernetesResource.class)).create();
    slack = new SignedSlack(events, FakeSlack.SECRET, FakeSlack.api());
  }

  @AfterEach
  void everyPayloadWasOneSlackTakes() {
    Eventually.await("idle Slack work", () -> work.idle() && outbox.pending() == 0, idle -> idle);
    SlackTook.everyBlock(FakeSlack.api());
  }

  FakeEphemeral ephemeralTo(String user, String containing) {
    return Eventually.await("an ephemeral to " + user + " saying " + containing,
        () -> FakeSlack.api().ephemerals().stream()
            .filter(e -> e.user().equals(user) && e.text().contains(containing))
            .findFirst().orElseThrow(), e -> true);
  }

  @Test
  void aNamespaceTheBotDoesNotManageIsRefusedByTheRule() {
    String before = cluster.istio("VirtualService").inNamespace(UNMANAGED).withName("api-vs").get()
        .getMetadata().getResourceVersion();

    slack.command(OPERATOR, CHANNEL, "start api-vs -n " + UNMANAGED);

    FakeEphemeral reply = ephemeralTo(OPERATOR, "does not manage namespace " + UNMANAGED);
    assertThat(reply.text()).contains("it manages default (setting CANARY_NAMESPACES)")
        .contains("nothing was changed")
        .doesNotContain("not found");
    assertThat(store.list(UNMANAGED)).isEmpty();
    assertThat(cluster.istio("VirtualService").inNamespace(UNMANAGED).withName("api-vs").get()
        .getMetadata().getResourceVersion()).isEqualTo(before);
  }

  @Test
  void theManagedNamespaceStillStarts() {
    slack.command(OPERATOR, CHANNEL, "start api-vs");

    // The control: the same command in the managed namespace finds the route and starts.
    Eventually.await("api-vs stored in default", () -> store.list(ExampleCluster.NS), list -> list.size() == 1);
  }
}
