package dev.canarybot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The running demo's guard over HTTP: the page and every call that acts need this start's token
 * (the page's own URL for the page, the header for its API), nothing answers a caller on another
 * loopback address such as a sidecar's 127.0.0.6, and the bot's Web API stand-in and the metrics
 * scrape still answer this machine without a token. Nothing here changes the demo's state, so
 * the browser test that shares this app sees it untouched.
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
class DemoGuardTest {
  static final ObjectMapper JSON = new ObjectMapper();
  final URI root = URI.create("http://127.0.0.1:" + DemoProfile.HTTP_PORT + "/");
  @Inject DemoToken token;

  HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void thePageOpensOnlyWithThisStartsTokenInItsUrl() throws Exception {
    assertThat(send("GET", "demo", null).statusCode()).isEqualTo(403);
    HttpResponse<String> wrong = send("GET", "demo?token=a-token-of-another-start", null);
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(wrong.body()).contains("needs the token the demo printed at start").doesNotContain(token.value());
    HttpResponse<String> page = send("GET", "demo?token=" + token.value(), null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<title>canary-bot demo");
  }

  @Test
  void thePagesApiWantsTheTokenInAHeader() throws Exception {
    assertThat(send("GET", "demo/page/api/state", null).statusCode()).isEqualTo(403);
    // In the URL it is what a cross-site image or form could carry, had it learned the token.
    assertThat(send("GET", "demo/page/api/state?token=" + token.value(), null).statusCode()).isEqualTo(403);
    HttpResponse<String> state = send("GET", "demo/page/api/state", null, "X-Demo-Token", token.value());
    assertThat(state.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(state.body()).path("users").path("operator").asText()).isEqualTo("U0OPERATOR");
  }

  @Test
  void aCrossSiteFormCannotTurnTheKnobsOrType() throws Exception {
    double rps = rps();
    HttpResponse<String> form = send("POST", "demo/traffic?token=" + token.value(), "{\"rps\":1}",
        "Content-Type", "application/x-www-form-urlencoded", "Origin", "https://evil.example");
    assertThat(form.statusCode()).isEqualTo(403);
    assertThat(form.body()).contains("needs the header X-Demo-Token");
    HttpResponse<String> command = send("POST", "demo/page/api/command", "{\"user\":\"U0OPERATOR\",\"text\":\"/canary help\"}",
        "Content-Type", "text/plain");
    assertThat(command.statusCode()).isEqualTo(403);
    assertThat(send("POST", "demo/page/api/click", "{}", "Content-Type", "text/plain").statusCode()).isEqualTo(403);
    assertThat(rps()).as("the refused knob changed nothing").isEqualTo(rps);
  }

  @Test
  void withTheHeaderTheKnobAnswers() throws Exception {
    // An empty change reaches the knob, which refuses it itself (400) and changes nothing.
    HttpResponse<String> knob = send("POST", "demo/traffic", "{}", "Content-Type", "application/json",
        "X-Demo-Token", token.value());
    assertThat(knob.statusCode()).isEqualTo(400);
    assertThat(knob.body()).contains("expected {");
  }

  @Test
  void theBotsWebApiAndTheMetricsScrapeNeedNoToken() throws Exception {
    HttpResponse<String> auth = send("POST", "demo/slack/api/auth.test", "", "Authorization", "Bearer xoxb-demo");
    assertThat(auth.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(auth.body()).path("ok").asBoolean()).isTrue();
    HttpResponse<String> metrics = send("GET", "demo/mesh/metrics", null);
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("istio_requests_total");
  }

  @Test
  void aCallerOnAnotherLoopbackAddressIsTheNetwork() throws Exception {
    // The same request from 127.0.0.1 answers, so the socket below is not what refuses.
    assertThat(statusFrom("127.0.0.1", "/demo/mesh/metrics")).isEqualTo(200);
    assertThat(statusFrom("127.0.0.6", "/demo/mesh/metrics")).isEqualTo(403);
    assertThat(statusFrom("127.0.0.6", "/demo/slack/files/F1")).isEqualTo(403);
    assertThat(statusFrom("127.0.0.6", "/demo?token=" + token.value())).isEqualTo(403);
  }

  /** A plain HTTP/1.1 GET from the given source address; Java's HttpClient cannot choose one. */
  static int statusFrom(String source, String path) throws IOException {
    try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), DemoProfile.HTTP_PORT, InetAddress.getByName(source), 0)) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + DemoProfile.HTTP_PORT + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);   // "HTTP/1.1 200"
      return Integer.parseInt(status.substring(9, 12));
    }
  }

  double rps() throws Exception {
    HttpResponse<String> state = send("GET", "demo/page/api/state", null, "X-Demo-Token", token.value());
    return JSON.readTree(state.body()).path("traffic").path("rps").asDouble();
  }
}
