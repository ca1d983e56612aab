package dev.canarybot.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.service.port.RouteDriftException;
import dev.canarybot.service.port.RouteWeights;
import dev.canarybot.service.port.TargetException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class WeightChangeTest {
  private static final MeshHosts HOSTS = new MeshHosts();
  private static final String FQDN = "api-service.default.svc.cluster.local";

  private static final String SPLIT = """
      apiVersion: networking.istio.io/v1beta1
      kind: VirtualService
      metadata: {name: api-vs, namespace: default, resourceVersion: "7"}
      spec:
        hosts: [api.example.com]
        gateways: [app-gateway]
        http:
        - name: primary
          match: [{uri: {prefix: /api/v1}}]
          route:
          - destination: {host: api-service, subset: v1, port: {number: 80}}
            weight: 90
          - destination: {host: api-service, subset: v2, port: {number: 80}}
            weight: 10
          timeout: 10s
          retries: {attempts: 3, perTryTimeout: 2s, retryOn: 5xx}
      """;

  /** The one fixture helper: a VirtualService tree from a YAML literal. */
  private static ObjectNode vs(String yaml) {
    return (ObjectNode) yaml(yaml);
  }

  private static JsonNode yaml(String yaml) {
    try {
      return new YAMLMapper().readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ReleaseTarget target(String route) {
    return new ReleaseTarget("default", "api-vs", route, FQDN, "v1", "v2", "api-v1", "api-v2");
  }

  private static JsonNode weights(ObjectNode tree, int route) {
    return tree.path("spec").path("http").path(route).path("route");
  }

  /** The tree with the target route's weights removed, to compare everything else. */
  private static ObjectNode withoutWeights(ObjectNode tree, int route) {
    ObjectNode copy = tree.deepCopy();
    for (JsonNode entry : (ArrayNode) copy.path("spec").path("http").path(route).path("route")) {
      ((ObjectNode) entry).remove("weight");
    }
    return copy;
  }

  @Test
  void movesTheNamedRouteFromExpectedToDesired() {
    ObjectNode before = vs(SPLIT);
    WeightChange change = WeightChange.of(before, target("primary"), 10, 50, HOSTS);
    ObjectNode after = change.applyTo(before, target("primary"));

    assertThat(change.before()).isEqualTo(new RouteWeights(90, 10, true));
    assertThat(change.after()).isEqualTo(new RouteWeights(50, 50, true));
    assertThat(weights(after, 0).get(0).get("weight").asInt()).isEqualTo(50);
    assertThat(weights(after, 0).get(1).get("weight").asInt()).isEqualTo(50);
  }

  @Test
  void changesNothingButTheTargetWeights() {
    ObjectNode before = vs(SPLIT);
    ObjectNode after = WeightChange.of(before, target("primary"), 10, 50, HOSTS).applyTo(before, target("primary"));
    assertThat(withoutWeights(after, 0)).isEqualTo(withoutWeights(before, 0));
  }

  @Test
  void applyLeavesTheInputTreeUntouched() {
    ObjectNode before = vs(SPLIT);
    ObjectNode pristine = before.deepCopy();
    WeightChange.of(before, target("primary"), 10, 50, HOSTS).applyTo(before, target("primary"));
    assertThat(before).isEqualTo(pristine);
  }

  @Test
  void findsTheUnnamedRouteByItsDestinations() {
    ObjectNode before = vs(SPLIT.replace("- name: primary\n    match:", "- match:"));
    assertThat(before.path("spec").path("http").path(0).has("name")).isFalse();
    WeightChange change = WeightChange.of(before, target(null), 10, 50, HOSTS);
    assertThat(change.after()).isEqualTo(new RouteWeights(50, 50, true));
  }

  @Test
  void alreadyAtDesiredIsNoChange() {
    ObjectNode before = vs(SPLIT);
    WeightChange change = WeightChange.of(before, target("primary"), 0, 10, HOSTS);
    assertThat(change.isEmpty()).isTrue();
    assertThat(change.applyTo(before, target("primary"))).isEqualTo(before);
  }

  @Test
  void driftIsRefusedWithTheWeightsFound() {
    ObjectNode before = vs(SPLIT.replace("weight: 90", "weight: 70").replace("weight: 10", "weight: 30"));
    assertThatThrownBy(() -> WeightChange.of(before, target("primary"), 10, 50, HOSTS))
        .isInstanceOfSatisfying(RouteDriftException.class,
            e -> assertThat(e.found()).isEqualTo(new RouteWeights(70, 30, true)))
        .hasMessageContaining("70/30")
        .hasMessageContaining("api-vs.default");
  }

  @Test
  void weightsNotSummingToHundredAreRefused() {
    ObjectNode before = vs(SPLIT.replace("weight: 90", "weight: 80"));
    assertThatThrownBy(() -> WeightChange.of(before, target("primary"), 10, 50, HOSTS))
        .isInstanceOf(RouteDriftException.class)
        .hasMessageContaining("sum to 90");
  }

  @Test
  void stableOnlyRouteGetsTheCanaryDestinationAdded() {
    ObjectNode before = vs("""
        metadata: {name: api-vs, namespace: default}
        spec:
          hosts: [api.example.com]
          http:
          - name: primary
            route:
            - destination: {host: api-service, subset: v1, port: {number: 80}}
        """);
    WeightChange change = WeightChange.of(before, target("primary"), 0, 10, HOSTS);
    ObjectNode after = change.applyTo(before, target("primary"));

    assertThat(change.canaryAdded()).isTrue();
    assertThat(change.before()).isEqualTo(new RouteWeights(100, 0, false));
    assertThat(weights(after, 0)).isEqualTo(yaml("""
        - destination: {host: api-service, subset: v1, port: {number: 80}}
          weight: 90
        - destination: {host: api-service, subset: v2, port: {number: 80}}
          weight: 10
        """));
  }

  @Test
  void stableOnlyRouteAtZeroIsNoChange() {
    ObjectNode before = vs("""
        metadata: {name: api-vs, namespace: default}
        spec:
          http:
          - route:
            - destination: {host: api-service, subset: v1}
        """);
    assertThat(WeightChange.of(before, target(null), 0, 0, HOSTS).isEmpty()).isTrue();
  }

  @Test
  void otherHttpRoutesAreLeftAlone() {
    ObjectNode before = vs("""
        metadata: {name: api-vs, namespace: default}
        spec:
          http:
          - name: static
            match: [{uri: {prefix: /static}}]
            route:
            - destination: {host: static-service}
              weight: 100
          - name: primary
            route:
            - destination: {host: api-service, subset: v1}
              weight: 90
            - destination: {host: api-service, subset: v2}
              weight: 10
          - name: fallback
            route:
            - destination: {host: api-service, subset: v1}
        """);
    ObjectNode after = WeightChange.of(before, target("primary"), 10, 50, HOSTS).applyTo(before, target("primary"));
    assertThat(weights(after, 1).get(1).get("weight").asInt()).isEqualTo(50);
    assertThat(withoutWeights(after, 1)).isEqualTo(withoutWeights(before, 1));
  }

  @Test
  void headerMatchRouteBeforeTheWeightedOneIsSkipped() {
    ObjectNode before = vs("""
        metadata: {name: api-vs, namespace: default}
        spec:
          http:
          - match: [{headers: {x-canary: {exact: "true"}}}]
            route:
            - destination: {host: api-service, subset: v2}
          - route:
            - destination: {host: api-service, subset: v1}
              weight: 90
            - destination: {host: api-service, subset: v2}
              weight: 10
        """);
    WeightChange change = WeightChange.of(before, target(null), 10, 50, HOSTS);
    ObjectNode after = change.applyTo(before, target(null));
    assertThat(change.routeIndex()).isEqualTo(1);
    assertThat(after.path("spec").path("http").path(0)).isEqualTo(before.path("spec").path("http").path(0));
    assertThat(withoutWeights(after, 1)).isEqualTo(withoutWeights(before, 1));
  }

  @Test
  void tcpAndTlsSectionsAreLeftAlone() {
    ObjectNode before = vs(SPLIT + """
          tcp:
          - match: [{port: 9000}]
            route:
            - destination: {host: api-service, subset: v1}
              weight: 90
            - destination: {host: api-service, subset: v2}
              weight: 10
          tls:
          - match: [{port: 443, sniHosts: [api.example.com]}]
            route:
            - destination: {host: api-service, subset: v1}
        """);
    ObjectNode after = WeightChange.of(before, target(null), 10, 50, HOSTS).applyTo(before, target(null));
    assertThat(after.path("spec").path("tcp")).isEqualTo(before.path("spec").path("tcp"));
    assertThat(after.path("spec").path("tls")).isEqualTo(before.path("spec").path("tls"));
    assertThat(withoutWeights(after, 0)).isEqualTo(withoutWeights(before, 0));
  }

  @Test
  void unknownFieldsSurvive() {
    ObjectNode before = vs(SPLIT.replace("    timeout: 10s", "    timeout: 10s\n    someFutureField: {a: [1, 2]}")
        + "  exportTo: [\".\"]\n");
    ObjectNode after = WeightChange.of(before, target("primary"), 10, 50, HOSTS).applyTo(before, target("primary"));
    assertThat(after.at("/spec/http/0/someFutureField")).isEqualTo(vs("{a: [1, 2]}"));
    assertThat(after.at("/spec/exportTo/0").asText()).isEqualTo(".");
    assertThat(withoutWeights(after, 0)).isEqualTo(withoutWeights(before, 0));
  }

  @Test
  void namespacedAndFullyQualifiedHostsAreTheSameService() {
    for (String host : new String[] {"api-service.default", "api-service.default.svc", FQDN}) {
      ObjectNode before = vs(SPLIT.replace("host: api-service,", "host: " + host + ","));
      WeightChange change = WeightChange.of(before, target(null), 10, 50, HOSTS);
      assertThat(change.after()).as(host).isEqualTo(new RouteWeights(50, 50, true));
    }
  }

  @Test
  void aServiceOfAnotherNamespaceIsNotTheTarget() {
    ObjectNode before = vs(SPLIT.replace("host: api-service,", "host: api-service.other,"));
    assertThatThrownBy(() -> WeightChange.of(before, target(null), 10, 50, HOSTS))
        .isInstanceOf(TargetException.class)
        .hasMessageContaining("no single HTTP route");
  }

  @Test
  void clusterDomainIsAParameter() {
    ObjectNode before = vs(SPLIT);
    ReleaseTarget corp = new ReleaseTarget("default", "api-vs", "primary",
        "api-service.default.svc.corp.example", "v1", "v2", "api-v1", "api-v2");
    WeightChange change = WeightChange.of(before, corp, 10, 50, new MeshHosts("corp.example"));
    assertThat(change.after()).isEqualTo(new RouteWeights(50, 50, true));
  }

  @Test
  void unknownRouteNameIsRefusedListingTheRoutes() {
    assertThatThrownBy(() -> WeightChange.of(vs(SPLIT), target("secondary"), 10, 50, HOSTS))
        .isInstanceOf(TargetException.class)
        .hasMessageContaining("route secondary not found")
        .hasMessageContaining("route primary [api-service/v1=90, api-service/v2=10]");
  }

  @Test
  void aRouteWithAThirdSubsetIsRefused() {
    ObjectNode before = vs(SPLIT.replace("weight: 10", "weight: 5\n    - destination: {host: api-service, subset: v3}\n      weight: 5"));
    assertThatThrownBy(() -> WeightChange.of(before, target("primary"), 10, 50, HOSTS))
        .isInstanceOf(TargetException.class)
        .hasMessageContaining("neither v1 nor v2");
  }

  @Test
  void twoUnnamedRoutesWithTheStableSubsetAreAmbiguous() {
    ObjectNode before = vs("""
        metadata: {name: api-vs, namespace: default}
        spec:
          http:
          - match: [{headers: {x-legacy: {exact: "1"}}}]
            route:
            - destination: {host: api-service, subset: v1}
          - route:
            - destination: {host: api-service, subset: v1}
              weight: 90
            - destination: {host: api-service, subset: v2}
              weight: 10
        """);
    assertThatThrownBy(() -> WeightChange.of(before, target(null), 10, 50, HOSTS))
        .isInstanceOf(TargetException.class)
        .hasMessageContaining("several HTTP routes")
        .hasMessageContaining("route #0 (unnamed)")
        .hasMessageContaining("route #1 (unnamed)");
  }

  @Test
  void movingToHundredKeepsTheStableDestinationAtZero() {
    ObjectNode before = vs(SPLIT.replace("weight: 90", "weight: 50").replace("weight: 10", "weight: 50"));
    ObjectNode after = WeightChange.of(before, target("primary"), 50, 100, HOSTS).applyTo(before, target("primary"));
    assertThat(weights(after, 0).get(0).get("weight").asInt()).isZero();
    assertThat(weights(after, 0).get(1).get("weight").asInt()).isEqualTo(100);
  }

  @Test
  void dropStableRemovesOnlyTheStableDestination() {
    ObjectNode before = vs(SPLIT.replace("weight: 90", "weight: 0").replace("weight: 10", "weight: 100"));
    WeightChange change = WeightChange.dropStable(before, target("primary"), HOSTS);
    ObjectNode after = change.applyTo(before, target("primary"));
    assertThat(weights(after, 0)).isEqualTo(yaml("""
        - destination: {host: api-service, subset: v2, port: {number: 80}}
          weight: 100
        """));
    ObjectNode expected = before.deepCopy();
    ((ArrayNode) expected.at("/spec/http/0/route")).remove(0);
    assertThat(after).isEqualTo(expected);
  }

  @Test
  void dropStableOnARouteWithoutItIsNoChange() {
    ObjectNode dropped = vs("""
        metadata: {name: api-vs, namespace: default}
        spec:
          http:
          - route:
            - destination: {host: api-service, subset: v2}
              weight: 100
        """);
    assertThat(WeightChange.dropStable(dropped, target(null), HOSTS).isEmpty()).isTrue();
  }

  @Test
  void dropStableWhileItStillHasWeightIsRefused() {
    assertThatThrownBy(() -> WeightChange.dropStable(vs(SPLIT), target("primary"), HOSTS))
        .isInstanceOf(RouteDriftException.class)
        .hasMessageContaining("still has weight 90");
  }

  @Test
  void weightsOutsideZeroToHundredAreRejected() {
    assertThatThrownBy(() -> WeightChange.of(vs(SPLIT), target("primary"), 10, 101, HOSTS))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
