package dev.canarybot.demo;

import io.vertx.ext.web.RoutingContext;

/**
 * The demo's routes answer only local callers unless told otherwise: the page can act as any
 * user and sign requests, which must never be reachable from a network by accident.
 */
final class DemoRoutesGuard {
  private DemoRoutesGuard() {}

  static void localOnly(RoutingContext ctx, boolean allowRemote) {
    String remote = ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress();
    boolean local = remote != null && (remote.startsWith("127.") || remote.equals("0:0:0:0:0:0:0:1")
        || remote.equals("::1"));
    if (local || allowRemote) {
      ctx.next();
    } else {
      ctx.response().setStatusCode(403).putHeader("Content-Type", "text/plain")
          .end("the demo answers local requests only (set canary.demo.allow-remote=true to change that)");
    }
  }
}
