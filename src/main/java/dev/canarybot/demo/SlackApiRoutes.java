package dev.canarybot.demo;

import dev.canarybot.demo.slackapi.FakeResponse;
import dev.canarybot.demo.slackapi.WebApiParams;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The fake Slack Web API on the app's own port, at {@code /demo/slack/api/<method>}, with the
 * file uploads and response_url replies it hands out links for. Mounted only in the demo.
 */
@ApplicationScoped
public class SlackApiRoutes {
  private final DemoConfig config;
  private final DemoSlack slack;

  public SlackApiRoutes(DemoConfig config, DemoSlack slack) {
    this.config = config;
    this.slack = slack;
  }

  void mount(@Observes Router router) {
    if (!config.enabled()) {
      return;
    }
    String base = DemoSlack.BASE_PATH;
    router.route(HttpMethod.POST, base + "api/:method").handler(ctx -> withBody(ctx, this::method));
    router.route(HttpMethod.GET, base + "api/:method").handler(ctx -> method(ctx, new byte[0]));
    router.route(HttpMethod.POST, base + "upload/:file").handler(ctx -> withBody(ctx, (c, body) -> answer(c,
        slack.api().upload(c.pathParam("file"), body))));
    router.route(HttpMethod.POST, base + "response/:id").handler(ctx -> withBody(ctx, (c, body) -> answer(c,
        slack.api().respond(c.pathParam("id"), WebApiParams.json(body)))));
    router.route(HttpMethod.GET, base + "files/:file").handler(this::file);
  }

  private void method(RoutingContext ctx, byte[] body) {
    slack.servedOn(ctx.request().localAddress().port());
    Map<String, String> params = WebApiParams.of(ctx.request().query(), ctx.request().getHeader("Content-Type"), body);
    answer(ctx, slack.api().handle(ctx.pathParam("method"), params, ctx.request().getHeader("Authorization")));
  }

  private void file(RoutingContext ctx) {
    slack.api().file(ctx.pathParam("file")).ifPresentOrElse(
        png -> ctx.response().putHeader("Content-Type", "image/png").end(io.vertx.core.buffer.Buffer.buffer(png)),
        () -> ctx.response().setStatusCode(404).end("no such file"));
  }

  /**
   * The raw body, read without Vert.x's BodyHandler: that one decodes forms into attributes and
   * refuses a field over {@code quarkus.http.limits.max-form-attribute-size} (2 KB), which a
   * card's blocks exceed. Slack takes far larger messages.
   */
  private static void withBody(RoutingContext ctx, BiConsumer<RoutingContext, byte[]> handler) {
    ctx.request().body()
        .onSuccess(buffer -> handler.accept(ctx, buffer == null ? new byte[0] : buffer.getBytes()))
        .onFailure(ctx::fail);
    // Quarkus pauses requests until a handler reads them; body() alone does not resume.
    ctx.request().resume();
  }

  private static void answer(RoutingContext ctx, FakeResponse response) {
    response.headers().forEach((name, value) -> ctx.response().putHeader(name, value));
    ctx.response().setStatusCode(response.status()).end(response.body());
  }
}
