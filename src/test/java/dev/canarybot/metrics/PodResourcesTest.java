package dev.canarybot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PodResourcesTest {
  static Sample s(String pod, String series, double v) {
    return new Sample(Map.of("namespace", "default", "pod", pod, "series", series), OptionalDouble.of(v));
  }

  @Test
  void usageOverLimitsOfTheDeploymentsPodsOnly() {
    List<Sample> answer = List.of(
        s("api-v2-5d4f7-aaaaa", "usage", 0.2), s("api-v2-5d4f7-aaaaa", "limit", 0.5),
        s("api-v2-5d4f7-bbbbb", "usage", 0.3), s("api-v2-5d4f7-bbbbb", "limit", 0.5),
        s("api-v2-extra-5d4f7-ccccc", "usage", 9), s("api-v2-extra-5d4f7-ccccc", "limit", 1));
    assertThat(PodResources.ofLimit(answer, "default", "api-v2").getAsDouble()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void withoutLimitsThereIsNothingToCompareWith() {
    assertThat(PodResources.ofLimit(List.of(s("api-v2-5d4f7-aaaaa", "usage", 0.2)), "default", "api-v2")).isEmpty();
    assertThat(PodResources.ofLimit(List.of(), "default", "api-v2")).isEmpty();
  }
}
