package dev.canarybot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP side against a stub that answers like Prometheus. */
class PrometheusClientTest {
  static final Instant AT = Instant.parse("2025-03-04T11:00:00Z");

  private HttpServer server;
  private final AtomicReference<String> answer = new AtomicReference<>();
  private final AtomicReference<Integer> status = new AtomicReference<>(200);
  private final AtomicReference<String> lastForm = new AtomicReference<>();
  private final AtomicReference<String> lastAuth = new AtomicReference<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      lastForm.set(URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
          StandardCharsets.UTF_8));
      lastAuth.set(exchange.getRequestHeaders().getFirst("Authorization"));
      byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status.get(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/prom/");
  }

  @Test
  void readsAVectorAndTreatsNanAndInfAsNoData() {
    answer.set("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
        + "{\"metric\":{\"destination_version\":\"v1\"},\"value\":[1741086000,\"12.5\"]},"
        + "{\"metric\":{\"destination_version\":\"v2\"},\"value\":[1741086000,\"NaN\"]},"
        + "{\"metric\":{\"destination_version\":\"v3\"},\"value\":[1741086000,\"+Inf\"]}]}}");
    List<Sample> samples = PrometheusClient.of(url(), Duration.ofSeconds(2)).query("up", AT);
    assertThat(samples).extracting(s -> s.label("destination_version")).containsExactly("v1", "v2", "v3");
    assertThat(samples.get(0).value()).hasValue(12.5);
    assertThat(samples.get(1).value()).isEmpty();
    assertThat(samples.get(2).value()).isEmpty();
    assertThat(lastForm.get()).isEqualTo("query=up&time=1741086000.000");
  }

  @Test
  void anEmptyResultIsNoSeries() {
    answer.set("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");
    assertThat(PrometheusClient.of(url(), Duration.ofSeconds(2)).query("up", AT)).isEmpty();
  }

  @Test
  void readsARangeForCharts() {
    answer.set("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
        + "{\"metric\":{\"destination_version\":\"v2\"},\"values\":[[1741086000,\"1\"],[1741086060,\"NaN\"]]}]}}");
    List<RangeSeries> range = PrometheusClient.of(url(), Duration.ofSeconds(2))
        .queryRange("rate(x[1m])", AT, AT.plusSeconds(60), Duration.ofSeconds(60));
    assertThat(range.get(0).points()).hasSize(2);
    assertThat(range.get(0).points().get(0).at()).isEqualTo(AT);
    assertThat(range.get(0).points().get(1).value()).isEmpty();
    assertThat(lastForm.get()).contains("step=60.000");
  }

  @Test
  void aBadQueryNamesTheUrlTheQueryAndPrometheusReason() {
    status.set(400);
    answer.set("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error at char 4\"}");
    assertThatThrownBy(() -> PrometheusClient.of(url(), Duration.ofSeconds(2)).query("sum(", AT))
        .isInstanceOf(PrometheusException.class)
        .hasMessage("Prometheus at " + url() + "api/v1/query: HTTP 400 bad_data: parse error at char 4; query: sum(");
  }

  @Test
  void aSlowPrometheusTimesOut() {
    server.removeContext("/");
    server.createContext("/", exchange -> {
      try {
        Thread.sleep(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
    });
    assertThatThrownBy(() -> PrometheusClient.of(url(), Duration.ofMillis(300)).query("up", AT))
        .isInstanceOf(PrometheusException.class)
        .hasMessageContaining("no answer within 300 ms; query: up");
  }

  @Test
  void sendsABearerTokenOrBasicAuthButNeverShowsThem() {
    answer.set("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");
    new PrometheusClient(url(), Duration.ofSeconds(2), Optional.of("Bearer s3cret")).query("up", AT);
    assertThat(lastAuth.get()).isEqualTo("Bearer s3cret");
    URI withPassword = URI.create("http://bot:hunter2@127.0.0.1:1/");
    assertThat(PrometheusClient.withoutUserInfo(withPassword)).isEqualTo("http://127.0.0.1:1/");
  }
}
