package dev.canarybot.demo.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AutoscalerBoundsTest {
  @ParameterizedTest(name = "{0} replicas, min {1}, max {2} -> {3}")
  @CsvSource(nullValues = "none", value = {
      "1, 3, 10, 3",       // minReplicas raised above the replicas: scale up to it
      "3, 3, 10, none",    // at the floor: nothing to do
      "5, 3, 10, none",    // within the bounds: the HPA would act on metrics, which the demo has none of
      "12, 3, 10, 10",     // above maxReplicas: scale down to it
      "0, 3, 10, none",    // scaled to zero: autoscaling is off, as in Kubernetes
      "1, none, 10, none", // minReplicas unset means 1
      "4, 5, 3, 5",        // max below min (the API refuses it; if it got there): the floor wins
  })
  void keepsReplicasWithinTheBounds(int replicas, Integer min, int max, Integer expected) {
    assertThat(AutoscalerBounds.target(replicas, min, max))
        .isEqualTo(expected == null ? OptionalInt.empty() : OptionalInt.of(expected));
  }
}
