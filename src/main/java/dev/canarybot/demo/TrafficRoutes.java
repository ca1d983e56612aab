package dev.canarybot.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;

/**
 * The simulated mesh: {@code GET /demo/mesh/metrics} (Istio-shaped series a Prometheus can
 * scrape) and {@code POST /demo/traffic} to change a version's errors and latency or the rate,
 * e.g. {@code {"version":"v2","errorRate":0.05,"latencyMs":1800}} or {@code {"rps":200}}.
 */
@ApplicationScoped
public class TrafficRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final DemoConfig config;
  private final DemoTraffic traffic;

  public TrafficRoutes(DemoConfig config, DemoTraffic traffic) {
    this.config = config;
    this.traffic = traffic;
  }

  void mount(@Observes Router router) {
    if (!config.enabled()) {
      return;
    }
    router.route(HttpMethod.GET, "/demo/mesh/metrics").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(traffic.exposition()));
    router.route(HttpMethod.GET, "/demo/traffic").handler(ctx -> json(ctx, 200, PageState.traffic(traffic)));
    router.route(HttpMethod.POST, "/demo/traffic").handler(BodyHandler.create()).handler(this::change);
  }

  private void change(RoutingContext ctx) {
    JsonNode body;
    try {
      body = JSON.readTree(ctx.body().asString() == null ? "{}" : ctx.body().asString());
    } catch (IOException e) {
      problem(ctx, "not JSON: " + e.getMessage());
      return;
    }
    try {
      if (body.has("rps")) {
        traffic.rps(body.path("rps").asDouble());
      }
      if (body.has("version")) {
        String version = body.path("version").asText();
        if (!traffic.hasVersion(version)) {
          problem(ctx, "no version " + version + " (the simulated versions are "
              + traffic.config().stableVersion() + " and " + traffic.config().canaryVersion() + ")");
          return;
        }
        traffic.set(version, body.has("errorRate") ? body.path("errorRate").asDouble() : null,
            body.has("latencyMs") ? body.path("latencyMs").asDouble() : null);
      } else if (!body.has("rps")) {
        problem(ctx, "expected {\"version\":\"v2\",\"errorRate\":0.05,\"latencyMs\":1800} or {\"rps\":200}");
        return;
      }
    } catch (IllegalArgumentException e) {
      problem(ctx, e.getMessage());
      return;
    }
    json(ctx, 200, PageState.traffic(traffic));
  }

  private static void problem(RoutingContext ctx, String message) {
    json(ctx, 400, JSON.createObjectNode().put("error", message));
  }

  static void json(RoutingContext ctx, int status, JsonNode body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toString());
  }
}
