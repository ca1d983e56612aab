package dev.canarybot.demo.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LoadModelTest {
  static final LoadModel DEMO = LoadModel.of(800);

  @ParameterizedTest(name = "{0} requests/s on {1} pods -> x{2}")
  @CsvSource({
      // The demo at 2000 requests/s, v1 with 3 pods and v2 with 1, and nothing scaled:
      "1800, 3, 1",       // 90 %: v1 600/pod, below 800: unchanged
      "200, 1, 1",        // 10 %: v2 200/pod: unchanged
      "1000, 3, 1",       // 50 %: v1 333/pod: unchanged
      "2000, 3, 1",       // rolled back: v1 667/pod: unchanged
      "800, 1, 1",        // exactly comfortable: unchanged
      "1000, 1, 1.5625",  // 50 % on one v2 pod: 1000/800 = 1.25, squared 1.5625
      "2000, 1, 6.25",    // 100 % on one v2 pod: 2.5 squared
      "1000, 5, 1",       // 50 % after the release process' scale to 5: 200/pod
      "4000, 1, 25",      // 5 times the comfortable rate: 25, the cap
      "8000, 1, 25",      // 10 times: 100, capped at 25
      "0, 1, 1",          // no traffic
  })
  void latencyGrowsWithTheSquareOfTheOverload(double rps, int pods, double factor) {
    assertThat(DEMO.latencyFactor(rps, pods)).isCloseTo(factor, within(1e-9));
  }

  @Test
  void noPodCarriesNothingAndTheModelMustBeSensible() {
    assertThatThrownBy(() -> DEMO.latencyFactor(100, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LoadModel.of(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LoadModel(800, 0.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
