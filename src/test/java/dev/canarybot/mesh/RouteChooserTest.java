package dev.canarybot.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.canarybot.service.port.RouteWeights;
import dev.canarybot.service.port.TargetException;
import dev.canarybot.service.port.TargetQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class RouteChooserTest {
  private final RouteChooser chooser = new RouteChooser(new MeshHosts());

  private static JsonNode vs(String yaml) {
    try {
      return new YAMLMapper().readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TargetQuery query() {
    return new TargetQuery("default", "api-vs", null, null, null);
  }

  @Test
  void aSplitRouteWinsOverAHeaderRouteToOneSubset() {
    RouteChoice choice = chooser.choose(vs("""
        spec:
          http:
          - match: [{headers: {x-canary: {exact: "true"}}}]
            route:
            - destination: {host: api-service, subset: v2}
          - route:
            - destination: {host: api-service.default.svc.cluster.local, subset: v1}
              weight: 90
            - destination: {host: api-service.default, subset: v2}
              weight: 10
        """), query());
    assertThat(choice.route().index()).isEqualTo(1);
    assertThat(choice.host()).isEqualTo("api-service.default.svc.cluster.local");
    assertThat(choice.stableSubset()).isEqualTo("v1");
    assertThat(choice.canarySubset()).isEqualTo("v2");
    assertThat(choice.weights()).isEqualTo(new RouteWeights(90, 10, true));
    assertThat(choice.oneOfSeveral()).isFalse();
  }

  @Test
  void theHeavierSubsetIsStable() {
    RouteChoice choice = chooser.choose(vs("""
        spec:
          http:
          - route:
            - destination: {host: api-service, subset: v2}
              weight: 30
            - destination: {host: api-service, subset: v1}
              weight: 70
        """), query());
    assertThat(choice.stableSubset()).isEqualTo("v1");
    assertThat(choice.weights()).isEqualTo(new RouteWeights(70, 30, true));
  }

  @Test
  void aStableOnlyRouteLeavesTheCanaryToTheHintOrTheDestinationRule() {
    JsonNode vs = vs("""
        spec:
          http:
          - route:
            - destination: {host: api-service, subset: v1}
        """);
    assertThat(chooser.choose(vs, query()).canarySubset()).isNull();
    assertThat(chooser.choose(vs, new TargetQuery("default", "api-vs", null, null, "v3")).canarySubset())
        .isEqualTo("v3");
    assertThat(chooser.choose(vs, query()).weights()).isEqualTo(new RouteWeights(100, 0, false));
  }

  @Test
  void twoHostsOnOneRouteIsNoCandidate() {
    assertThatThrownBy(() -> chooser.choose(vs("""
        spec:
          http:
          - route:
            - destination: {host: api-service, subset: v1}
              weight: 90
            - destination: {host: other-service, subset: v2}
              weight: 10
        """), query()))
        .isInstanceOf(TargetException.class)
        .hasMessageContaining("has no HTTP route that splits traffic");
  }

  @Test
  void weightsNotSummingToHundredAreRefused() {
    assertThatThrownBy(() -> chooser.choose(vs("""
        spec:
          http:
          - route:
            - destination: {host: api-service, subset: v1}
              weight: 60
            - destination: {host: api-service, subset: v2}
              weight: 10
        """), query()))
        .isInstanceOf(TargetException.class)
        .hasMessageContaining("sum to 70");
  }

  @Test
  void releaseNamesAreDns1123Labels() {
    assertThat(ReleaseNames.of("api-vs", null)).isEqualTo("api-vs");
    assertThat(ReleaseNames.of("api-vs", "Primary_Route")).isEqualTo("api-vs-primary-route");
    assertThat(ReleaseNames.of("a".repeat(60), "route")).hasSize(63).doesNotEndWith("-");
  }
}
