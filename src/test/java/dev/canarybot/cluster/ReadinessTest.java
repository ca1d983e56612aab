package dev.canarybot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.service.AlwaysLeader;
import dev.canarybot.service.port.Leadership;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Readiness says what it checked; without canary.leader.enabled the single replica leads. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class ReadinessTest {
  @TestHTTPResource("/q/health/ready") URI ready;
  @TestHTTPResource("/q/health/live") URI live;
  @Inject Leadership leadership;

  static HttpResponse<String> get(URI uri) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void readyReportsKubernetesAndSlackAuthWithoutATokenAsADetail() throws Exception {
    HttpResponse<String> r = get(ready);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("\"name\": \"kubernetes\"").contains("\"version\"")
        .contains("\"name\": \"slack\"").contains("not configured: SLACK_BOT_TOKEN is not set");
  }

  @Test
  void liveStaysSimple() throws Exception {
    HttpResponse<String> r = get(live);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).doesNotContain("kubernetes").doesNotContain("slack");
  }

  @Test
  void withoutLeaderElectionTheReplicaAlwaysLeads() {
    assertThat(ClientProxy.unwrap(leadership)).isInstanceOf(AlwaysLeader.class);
    assertThat(leadership.isLeader()).isTrue();
  }
}
