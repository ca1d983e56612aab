package dev.canarybot.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The rendered base runs the bot the way a production cluster expects. */
class ManifestDeploymentTest {
  static final List<ObjectNode> BASE = Kustomize.render();

  static JsonNode container(List<ObjectNode> docs) {
    return Kustomize.one(docs, "Deployment", "canary-bot").at("/spec/template/spec/containers/0");
  }

  @Test
  void twoReplicasWithProbesOnTheHealthEndpoints() {
    ObjectNode d = Kustomize.one(BASE, "Deployment", "canary-bot");
    assertThat(d.at("/metadata/namespace").asText()).isEqualTo("canary-bot");
    assertThat(d.at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(d.at("/spec/template/spec/serviceAccountName").asText()).isEqualTo("canary-bot");
    JsonNode c = container(BASE);
    assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
    assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
  }

  @Test
  void requestsAndLimits() {
    JsonNode r = container(BASE).path("resources");
    for (String kind : List.of("requests", "limits")) {
      assertThat(r.at("/" + kind + "/cpu").asText()).as(kind + " cpu").isNotEmpty();
      assertThat(r.at("/" + kind + "/memory").asText()).as(kind + " memory").isNotEmpty();
    }
  }

  @Test
  void nonRootReadOnlyNoEscalationNoCapabilities() {
    ObjectNode d = Kustomize.one(BASE, "Deployment", "canary-bot");
    assertThat(d.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
    JsonNode sc = container(BASE).path("securityContext");
    assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(sc.path("allowPrivilegeEscalation").isBoolean()).isTrue();
    assertThat(sc.path("allowPrivilegeEscalation").asBoolean()).isFalse();
    assertThat(sc.at("/capabilities/drop")).extracting(JsonNode::asText).containsExactly("ALL");
    // The read-only root needs a writable /tmp for the JVM and Vert.x.
    assertThat(container(BASE).path("volumeMounts")).anySatisfy(m -> assertThat(m.path("mountPath").asText()).isEqualTo("/tmp"));
    assertThat(d.at("/spec/template/spec/volumes/0/emptyDir").isObject()).isTrue();
  }

  @Test
  void noRenderShipsASecretSoAnApplyNeverOverwritesTheRealOne() {
    for (List<String> components : List.of(List.<String>of(), List.of("socket-mode"), List.of("http-mode"),
        List.of("socket-mode", "cluster-wide", "deployment-delete"), List.of("http-mode", "cluster-wide"))) {
      assertThat(Kustomize.ofKind(Kustomize.render(components.toArray(String[]::new)), "Secret"))
          .as("Secrets rendered with %s", components).isEmpty();
    }
  }

  @Test
  void theReadmeCreatesTheSecretTheDeploymentReads() throws IOException {
    Set<String> created = new HashSet<>();
    for (String line : Files.readAllLines(Path.of("README.md"))) {
      if (line.contains("create secret generic canary-bot-slack")) {
        assertThat(line).contains("kubectl -n canary-bot ");
      }
      Matcher m = Pattern.compile("--from-literal=([A-Z_]+)=").matcher(line);
      while (m.find()) {
        created.add(m.group(1));
      }
    }
    for (String mode : List.of("socket-mode", "http-mode")) {
      for (JsonNode env : container(Kustomize.render(mode)).path("env")) {
        JsonNode ref = env.at("/valueFrom/secretKeyRef");
        if (!ref.isMissingNode()) {
          assertThat(ref.path("name").asText()).isEqualTo("canary-bot-slack");
          assertThat(created).as("keys the README's kubectl create secret sets").contains(ref.path("key").asText());
        }
      }
    }
    assertThat(created).contains("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET");
  }

  @Test
  void theBaseHoldsTheCrdButNotTheDemoApp() {
    assertThat(Kustomize.one(BASE, "CustomResourceDefinition", "canaryreleases.canarybot.dev")).isNotNull();
    assertThat(BASE).noneSatisfy(d -> assertThat(d.path("apiVersion").asText()).startsWith("networking.istio.io"));
    assertThat(Kustomize.ofKind(BASE, "Service")).isEmpty();
    assertThat(Kustomize.one(BASE, "Namespace", "canary-bot")).isNotNull();
  }

  @Test
  void socketModeNeedsNoServiceAndHttpModeExposesOnlySlackEvents() {
    List<ObjectNode> socket = Kustomize.render("socket-mode");
    assertThat(Kustomize.ofKind(socket, "Service")).isEmpty();
    assertThat(Kustomize.ofKind(socket, "Ingress")).isEmpty();
    assertThat(container(socket).path("env")).anySatisfy(e -> assertThat(e.path("name").asText()).isEqualTo("SLACK_APP_TOKEN"));

    List<ObjectNode> http = Kustomize.render("http-mode");
    assertThat(container(http).path("env")).anySatisfy(e -> assertThat(e.path("name").asText()).isEqualTo("SLACK_SIGNING_SECRET"));
    JsonNode paths = Kustomize.one(http, "Ingress", "canary-bot").at("/spec/rules/0/http/paths");
    assertThat(paths).extracting(p -> p.path("path").asText()).containsExactly("/slack/events");
    assertThat(Kustomize.one(http, "Service", "canary-bot").at("/spec/selector/app.kubernetes.io~1name").asText())
        .isEqualTo("canary-bot");
  }
}
