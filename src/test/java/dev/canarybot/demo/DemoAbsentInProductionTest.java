package dev.canarybot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Without the demo profile none of the demo's routes exist: the same build that runs the demo
 * serves no page, no traffic knob, no fake Slack and no signing endpoint in production.
 */
@QuarkusTest
class DemoAbsentInProductionTest {
  @TestHTTPResource("/") URI root;

  @ParameterizedTest
  @CsvSource({
      "GET, demo",
      "GET, demo?token=any",
      "GET, demo/page/index.html",
      "GET, demo/page/api/state",
      "POST, demo/page/api/command",
      "POST, demo/page/api/click",
      "POST, demo/traffic",
      "GET, demo/traffic",
      "GET, demo/mesh/metrics",
      "POST, demo/slack/api/auth.test",
      "POST, demo/slack/api/chat.postMessage",
      "POST, demo/slack/response/R1",
      "POST, demo/slack/upload/F1",
      "GET, demo/page/app.js",
      "GET, demo-page/index.html",
      "GET, demo/index.html",
  })
  void demoRouteIsAbsent(String method, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(10))
        .method(method, method.equals("POST")
            ? HttpRequest.BodyPublishers.ofString("{\"version\":\"v2\",\"errorRate\":1}") : HttpRequest.BodyPublishers.noBody())
        .header("Content-Type", "application/json").build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s /%s", method, path).isEqualTo(404);
  }
}
