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
import java.io.InputStream;
import java.util.Map;

/**
 * The Slack stand-in page at {@code /demo}: its files (from {@code demo-page/} on the class
 * path, not {@code META-INF/resources}, so a production build never serves them), the state it
 * polls, and the command and click endpoints that sign on the server.
 */
@ApplicationScoped
public class PageRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> FILES = Map.of(
      "index.html", "text/html; charset=utf-8",
      "app.js", "text/javascript; charset=utf-8",
      "blocks.js", "text/javascript; charset=utf-8",
      "style.css", "text/css; charset=utf-8");

  private final DemoConfig config;
  private final DemoSlack slack;
  private final DemoTraffic traffic;
  private final DemoActions actions;
  private final DemoKubernetesApi kubernetes;

  public PageRoutes(DemoConfig config, DemoSlack slack, DemoTraffic traffic, DemoActions actions,
      DemoKubernetesApi kubernetes) {
    this.config = config;
    this.slack = slack;
    this.traffic = traffic;
    this.actions = actions;
    this.kubernetes = kubernetes;
  }

  void mount(@Observes Router router) {
    if (!config.enabled()) {
      return;
    }
    router.route(HttpMethod.GET, "/demo").handler(ctx -> file(ctx, "index.html"));
    router.route(HttpMethod.GET, "/demo/page/:file").handler(ctx -> file(ctx, ctx.pathParam("file")));
    router.route(HttpMethod.GET, "/demo/page/api/state").order(-1).handler(ctx -> TrafficRoutes.json(ctx, 200,
        PageState.of(slack, traffic, config.users(), user(ctx.request().getParam("user")), kubernetes.url(),
            kubernetes.controller())));
    router.route(HttpMethod.POST, "/demo/page/api/*").handler(BodyHandler.create());
    router.route(HttpMethod.POST, "/demo/page/api/command").blockingHandler(this::command);
    router.route(HttpMethod.POST, "/demo/page/api/click").blockingHandler(this::click);
  }

  private void command(RoutingContext ctx) {
    JsonNode body = body(ctx);
    String text = body.path("text").asText().trim().replaceFirst("^/canary\\s*", "");
    answer(ctx, actions.command(ctx.request().localAddress().port(), user(body.path("user").asText()), text));
  }

  private void click(RoutingContext ctx) {
    JsonNode b = body(ctx);
    answer(ctx, actions.click(ctx.request().localAddress().port(), user(b.path("user").asText()),
        b.path("messageTs").asText(), b.path("blockId").asText(), b.path("actionId").asText(), b.path("value").asText()));
  }

  /** Only the configured users can be acted as; anything else falls back to the outsider. */
  private String user(String requested) {
    DemoConfig.Users u = config.users();
    return requested != null && (requested.equals(u.operator()) || requested.equals(u.approver()))
        ? requested : u.outsider();
  }

  private static void answer(RoutingContext ctx, DemoActions.Answer answer) {
    TrafficRoutes.json(ctx, 200, JSON.createObjectNode().put("status", answer.status()).put("body", answer.body()));
  }

  private static JsonNode body(RoutingContext ctx) {
    try {
      return JSON.readTree(ctx.body().asString() == null ? "{}" : ctx.body().asString());
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static void file(RoutingContext ctx, String name) {
    String type = FILES.get(name);
    if (type == null) {
      ctx.next();
      return;
    }
    try (InputStream in = PageRoutes.class.getClassLoader().getResourceAsStream("demo-page/" + name)) {
      if (in == null) {
        ctx.response().setStatusCode(404).end();
        return;
      }
      ctx.response().putHeader("Content-Type", type).putHeader("Cache-Control", "no-store")
          .end(io.vertx.core.buffer.Buffer.buffer(in.readAllBytes()));
    } catch (IOException e) {
      ctx.fail(e);
    }
  }
}
