package dev.canarybot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

class LiveWeightsTest {
  static JsonNode spec(String yaml) throws Exception {
    return new YAMLMapper().readTree(yaml);
  }

  @Test
  void theFirstSplitRouteGivesTheWeights() throws Exception {
    assertThat(LiveWeights.of(spec("""
        http:
          - route:
              - destination: {host: other, subset: a}
          - route:
              - destination: {host: api-service, subset: v1}
                weight: 50
              - destination: {host: api-service, subset: v2}
                weight: 50
        """))).containsExactly(java.util.Map.entry("v1", 50), java.util.Map.entry("v2", 50));
  }

  @Test
  void aMissingWeightNextToOthersIsZero() throws Exception {
    assertThat(LiveWeights.of(spec("""
        http:
          - route:
              - destination: {host: api-service, subset: v1}
                weight: 100
              - destination: {host: api-service, subset: v2}
        """))).containsEntry("v1", 100).containsEntry("v2", 0);
  }

  @Test
  void aLoneDestinationTakesEverything() throws Exception {
    assertThat(LiveWeights.of(spec("""
        http:
          - route:
              - destination: {host: api-service, subset: v1}
        """))).containsExactly(java.util.Map.entry("v1", 100));
  }
}
