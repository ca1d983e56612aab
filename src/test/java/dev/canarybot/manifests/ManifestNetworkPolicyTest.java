package dev.canarybot.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who may connect to the bot's pods, read from the rendered NetworkPolicies the way a CNI adds
 * them up: a pod selected by any Ingress policy accepts only what some selecting policy allows.
 */
class ManifestNetworkPolicyTest {

  /** The policies that select the bot's pods for Ingress. */
  static List<JsonNode> selectingTheBot(List<ObjectNode> docs) {
    JsonNode podLabels = Kustomize.one(docs, "Deployment", "canary-bot").at("/spec/template/metadata/labels");
    List<JsonNode> selecting = new ArrayList<>();
    for (ObjectNode p : Kustomize.ofKind(docs, "NetworkPolicy")) {
      JsonNode selector = p.at("/spec/podSelector");
      // matchExpressions would need an evaluator of their own; the manifests use matchLabels only.
      assertThat(selector.has("matchExpressions")).as("%s uses matchLabels only", p.at("/metadata/name")).isFalse();
      boolean selects = p.at("/metadata/namespace").asText().equals("canary-bot");
      for (Iterator<String> names = selector.path("matchLabels").fieldNames(); names.hasNext(); ) {
        String name = names.next();
        selects &= podLabels.path(name).asText().equals(selector.at("/matchLabels").path(name).asText());
      }
      boolean ingress = false;
      for (JsonNode type : p.at("/spec/policyTypes")) {
        ingress |= type.asText().equals("Ingress");
      }
      if (selects && ingress) {
        selecting.add(p);
      }
    }
    return selecting;
  }

  /** Every ingress rule of the selecting policies: what, together, may reach the pods. */
  static List<JsonNode> allowed(List<ObjectNode> docs) {
    List<JsonNode> rules = new ArrayList<>();
    selectingTheBot(docs).forEach(p -> p.at("/spec/ingress").forEach(rules::add));
    return rules;
  }

  @Test
  void inSocketModeNothingMayConnect() {
    List<ObjectNode> socket = Kustomize.render("socket-mode");
    assertThat(selectingTheBot(socket)).as("the bot's pods are isolated").isNotEmpty();
    assertThat(allowed(socket)).as("ingress rules: none, so only the node's own probes reach the pods").isEmpty();
  }

  @Test
  void inHttpModeOnlyTheIngressControllersNamespaceReachesPort8080() {
    List<ObjectNode> http = Kustomize.render("http-mode");
    List<JsonNode> rules = allowed(http);
    assertThat(rules).hasSize(1);
    JsonNode rule = rules.get(0);
    assertThat(rule.path("from")).hasSize(1);
    JsonNode peer = rule.path("from").get(0);
    assertThat(peer.has("podSelector")).as("every pod of that namespace, no narrower").isFalse();
    assertThat(peer.has("ipBlock")).isFalse();
    assertThat(peer.at("/namespaceSelector/matchLabels")).hasSize(1);
    assertThat(peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText()).isEqualTo("ingress-nginx");
    assertThat(rule.path("ports")).hasSize(1);
    assertThat(rule.at("/ports/0/protocol").asText()).isEqualTo("TCP");
    JsonNode http8080 = ManifestDeploymentTest.container(http).path("ports").get(0);
    assertThat(http8080.path("name").asText()).isEqualTo("http");
    assertThat(rule.at("/ports/0/port").asInt()).as("the container's http port").isEqualTo(http8080.path("containerPort").asInt())
        .isEqualTo(8080);
  }

  @Test
  void everyCombinationIsolatesTheBot() {
    for (String[] components : List.of(new String[] {}, new String[] {"cluster-wide"},
        new String[] {"socket-mode", "cluster-wide", "deployment-delete"}, new String[] {"http-mode", "deployment-delete"})) {
      assertThat(selectingTheBot(Kustomize.render(components))).as("policies with %s", List.of(components)).isNotEmpty();
    }
  }
}
