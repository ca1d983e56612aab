package dev.canarybot.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.canarybot.demo.workloads.DeploymentController;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The pod knob: {@code POST /demo/pods {"deployment":"api-v2","fail":"ImagePullBackOff"}} makes
 * that Deployment's new pods fail with that waiting reason instead of becoming ready, so a scale
 * never gets ready capacity; {@code "fail":null} clears it. {@code "namespace"} defaults to the
 * traffic's. {@code GET /demo/pods} shows every Deployment's pods.
 */
@ApplicationScoped
public class PodRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private final DemoConfig config;
  private final DemoKubernetesApi kubernetes;
  private final KubernetesClient client;

  public PodRoutes(DemoConfig config, DemoKubernetesApi kubernetes, KubernetesClient client) {
    this.config = config;
    this.kubernetes = kubernetes;
    this.client = client;
  }

  void mount(@Observes Router router) {
    if (!config.enabled()) {
      return;
    }
    router.route(HttpMethod.GET, "/demo/pods").handler(ctx -> TrafficRoutes.json(ctx, 200, state()));
    router.route(HttpMethod.POST, "/demo/pods").handler(BodyHandler.create()).blockingHandler(this::change);
  }

  private void change(RoutingContext ctx) {
    JsonNode body;
    try {
      body = JSON.readTree(ctx.body().asString() == null ? "{}" : ctx.body().asString());
    } catch (IOException e) {
      problem(ctx, "not JSON: " + e.getMessage());
      return;
    }
    String namespace = body.path("namespace").asText(config.traffic().namespace());
    String deployment = body.path("deployment").asText("");
    if (!body.has("fail") || !NAME.matcher(deployment).matches() || !NAME.matcher(namespace).matches()) {
      problem(ctx, "expected {\"deployment\":\"api-v2\",\"fail\":\"ImagePullBackOff\"} or "
          + "{\"deployment\":\"api-v2\",\"fail\":null}, with Kubernetes names");
      return;
    }
    DeploymentController controller = kubernetes.controller();
    if (controller == null) {
      problem(ctx, "the demo's Kubernetes API is not running");
      return;
    }
    if (client.apps().deployments().inNamespace(namespace).withName(deployment).get() == null) {
      problem(ctx, "no Deployment " + deployment + " in namespace " + namespace + " (the Deployments are "
          + controller.deployments().stream().map(d -> d.name() + "." + d.namespace()).toList() + ")");
      return;
    }
    try {
      controller.failNewPods(namespace, deployment, body.path("fail").isNull() ? null : body.path("fail").asText());
    } catch (IllegalArgumentException e) {
      problem(ctx, e.getMessage());
      return;
    }
    TrafficRoutes.json(ctx, 200, state());
  }

  private JsonNode state() {
    return JSON.createObjectNode().set("deployments", PageState.pods(kubernetes.controller()));
  }

  private static void problem(RoutingContext ctx, String message) {
    TrafficRoutes.json(ctx, 400, JSON.createObjectNode().put("error", message));
  }
}
