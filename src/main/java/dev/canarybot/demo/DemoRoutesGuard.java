package dev.canarybot.demo;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * One guard in front of every {@code /demo} route, mounted before them: the page can act as any
 * user and sign requests, so {@link DemoAccess} decides who may call what, and a route added
 * later is guarded without a line of its own.
 */
@ApplicationScoped
public class DemoRoutesGuard {
  private final DemoConfig config;
  private final DemoToken token;

  public DemoRoutesGuard(DemoConfig config, DemoToken token) {
    this.config = config;
    this.token = token;
  }

  void mount(@Observes Router router) {
    if (!config.enabled()) {
      return;
    }
    router.routeWithRegex("/demo(/.*)?").order(-20).handler(this::guard);
  }

  private void guard(RoutingContext ctx) {
    String remote = ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress();
    DemoAccess.refusal(ctx.normalizedPath(), remote, ctx.request().getParam(DemoAccess.TOKEN_PARAM),
        ctx.request().getHeader(DemoAccess.TOKEN_HEADER), token).ifPresentOrElse(
            why -> ctx.response().setStatusCode(403).putHeader("Content-Type", "text/plain").end(why),
            ctx::next);
  }
}
