package dev.canarybot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.canarybot.testing.Eventually;
import dev.canarybot.testing.MutableClock;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo as {@code quarkus:dev} runs it: its deployment controller scales the example app, and
 * {@code POST /demo/pods} makes api-v2's new pods fail, which the page and the traffic see.
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
class DemoPodKnobTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/demo/pods") URI pods;
  @TestHTTPResource("/demo/page/api/state") URI state;
  @Inject KubernetesClient client;
  @Inject MutableClock clock;
  @Inject DemoToken token;

  @BeforeEach
  void runTheClock() {
    // New pods fall due on the app's clock, which stands still in tests unless told otherwise.
    clock.followSystemTime();
  }

  @AfterEach
  void restore() throws Exception {
    // The browser test shares this app: leave api-v2 as the seed made it.
    post("{\"deployment\":\"api-v2\",\"fail\":null}");
    client.apps().deployments().inNamespace("default").withName("api-v2").scale(1);
    Eventually.await("api-v2 back at one ready pod", () -> get(pods).at("/deployments"),
        d -> summary(d, "api-v2").equals("1/1 ready, 1 pods, fail null"));
  }

  @Test
  void newPodsOfAFailingDeploymentNeverServeAndThePageSaysSo() throws Exception {
    JsonNode before = get(pods).at("/deployments");
    assertThat(summary(before, "api-v1")).isEqualTo("3/3 ready, 3 pods, fail null");
    assertThat(summary(before, "api-v2")).isEqualTo("1/1 ready, 1 pods, fail null");

    HttpResponse<String> set = post("{\"deployment\":\"api-v2\",\"fail\":\"ImagePullBackOff\"}");
    assertThat(set.statusCode()).isEqualTo(200);
    assertThat(summary(JSON.readTree(set.body()).at("/deployments"), "api-v2")).endsWith("fail ImagePullBackOff");

    client.apps().deployments().inNamespace("default").withName("api-v2").scale(3);
    Eventually.await("two pods failing", () -> client.pods().inNamespace("default").withLabel("version", "v2").list()
        .getItems().stream().filter(DemoPodKnobTest::pullingFails).count(), n -> n == 2);
    JsonNode page = Eventually.await("the page's pods", () -> get(state),
        s -> summary(s.at("/pods"), "api-v2").equals("1/3 ready, 3 pods, fail ImagePullBackOff"));
    assertThat(page.at("/traffic/versions/v2/readyPods").asInt()).as("the traffic's endpoints").isEqualTo(1);
  }

  @Test
  void refusesWhatIsNoKnob() throws Exception {
    HttpResponse<String> noFail = post("{\"deployment\":\"api-v2\"}");
    assertThat(noFail.statusCode()).isEqualTo(400);
    assertThat(noFail.body()).contains("{\\\"deployment\\\":\\\"api-v2\\\",\\\"fail\\\":\\\"ImagePullBackOff\\\"}");
    HttpResponse<String> unknown = post("{\"deployment\":\"api-v9\",\"fail\":\"ImagePullBackOff\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("no Deployment api-v9 in namespace default").contains("api-v2.default");
    HttpResponse<String> notAReason = post("{\"deployment\":\"api-v2\",\"fail\":\"rm -rf /\"}");
    assertThat(notAReason.statusCode()).isEqualTo(400);
    assertThat(notAReason.body()).contains("container waiting reason").doesNotContain("rm -rf");
    assertThat(summary(get(pods).at("/deployments"), "api-v2")).endsWith("fail null");
  }

  static boolean pullingFails(Pod p) {
    var c = p.getStatus().getContainerStatuses().get(0);
    return c.getState().getWaiting() != null && "ImagePullBackOff".equals(c.getState().getWaiting().getReason());
  }

  static String summary(JsonNode deployments, String name) {
    for (JsonNode d : deployments) {
      if (d.path("name").asText().equals(name)) {
        return d.path("readyReplicas").asInt() + "/" + d.path("replicas").asInt() + " ready, " + d.path("pods").asInt()
            + " pods, fail " + (d.path("fail").isNull() ? "null" : d.path("fail").asText());
      }
    }
    return "no " + name;
  }

  JsonNode get(URI uri) {
    try {
      return JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header(DemoAccess.TOKEN_HEADER, token.value()).build(),
          HttpResponse.BodyHandlers.ofString()).body());
    } catch (Exception e) {
      throw new IllegalStateException("GET " + uri, e);
    }
  }

  HttpResponse<String> post(String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(pods).header(DemoAccess.TOKEN_HEADER, token.value()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
