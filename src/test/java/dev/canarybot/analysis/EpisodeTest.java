package dev.canarybot.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.analysis.Episode.Signal;
import dev.canarybot.analysis.Verdict.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One alert per episode: every (remembered kind, new kind) pair. */
class EpisodeTest {

  @ParameterizedTest(name = "{0} then {1} -> {2}")
  @CsvSource(nullValues = "none", value = {
      "none, Healthy, NONE",
      "none, Inconclusive, NONE",
      "none, Watch, OPENED",
      "none, Breach, OPENED",
      "Healthy, Healthy, NONE",
      "Healthy, Inconclusive, NONE",
      "Healthy, Watch, OPENED",
      "Healthy, Breach, OPENED",
      "Inconclusive, Healthy, NONE",
      "Inconclusive, Inconclusive, NONE",
      "Inconclusive, Watch, OPENED",
      "Inconclusive, Breach, OPENED",
      "Watch, Watch, NONE",
      "Watch, Breach, WORSENED",
      "Watch, Healthy, RECOVERED",
      "Watch, Inconclusive, HOLD",
      "Breach, Breach, NONE",
      "Breach, Watch, NONE",
      "Breach, Healthy, RECOVERED",
      "Breach, Inconclusive, HOLD"})
  void signals(Kind previous, Kind now, Signal expected) {
    assertThat(Episode.next(previous, now)).isEqualTo(expected);
  }
}
