package dev.canarybot.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

class StatusPatchTest {

  @Test
  void setsTheReadVersionThenReplacesTheWholeStatus() throws Exception {
    CanaryReleaseStatusDto status = CanaryReleaseMapper.toStatus(Releases.started("default", "api-vs").status());

    JsonNode patch = Serialization.jsonMapper().readTree(StatusPatch.of(status, "12"));

    assertThat(patch).hasSize(2);
    assertThat(patch.get(0).get("op").asText()).isEqualTo("replace");
    assertThat(patch.get(0).get("path").asText()).isEqualTo("/metadata/resourceVersion");
    assertThat(patch.get(0).get("value").asText()).isEqualTo("12");
    assertThat(patch.get(1).get("op").asText()).isEqualTo("add");
    assertThat(patch.get(1).get("path").asText()).isEqualTo("/status");
    assertThat(patch.get(1).get("value").get("phase").asText()).isEqualTo("Progressing");
    assertThat(patch.get(1).get("value").get("history")).hasSize(1);
  }
}
