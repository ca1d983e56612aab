package dev.canarybot.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ThresholdsTest {

  @Test
  void defaultsAreTheDesignTable() {
    Thresholds t = Thresholds.DEFAULT;
    assertThat(t.maxErrorRate()).isEqualTo(0.001);
    assertThat(t.maxP95Ms()).isEqualTo(2000);
    assertThat(t.maxCpu()).isEqualTo(0.8);
    assertThat(t.maxMemory()).isEqualTo(0.8);
    assertThat(t.rollbackErrorRate()).isEqualTo(0.01);
    assertThat(t.rollbackP95Ms()).isEqualTo(5000);
    assertThat(t.rollbackOomKilled()).isEqualTo(2);
    assertThat(t.watchErrorRate()).isEqualTo(0.005);
    assertThat(t.splitTolerance()).isEqualTo(0.05);
    assertThat(t.enoughDataConfidence()).isEqualTo(0.95);
    assertThat(t.worseThanStableConfidence()).isEqualTo(0.99);
  }

  @Test
  void overridesReadUnitsPeopleWrite() {
    Thresholds t = Thresholds.DEFAULT.withOverrides(Map.of(
        "maxErrorRate", "0.5%", "maxP95", "1500ms", "rollbackErrorRate", "2%", "rollbackP95", "4s",
        "maxCpu", "70%", "maxMemory", "75%", "watchErrorRate", "1%"));
    assertThat(t.maxErrorRate()).isCloseTo(0.005, within(1e-12));
    assertThat(t.maxP95Ms()).isEqualTo(1500);
    assertThat(t.rollbackErrorRate()).isCloseTo(0.02, within(1e-12));
    assertThat(t.rollbackP95Ms()).isEqualTo(4000);
    assertThat(t.maxCpu()).isCloseTo(0.7, within(1e-12));
    assertThat(t.maxMemory()).isCloseTo(0.75, within(1e-12));
    assertThat(t.watchErrorRate()).isCloseTo(0.01, within(1e-12));
  }

  @Test
  void overridesLeaveOtherValuesAlone() {
    Thresholds t = Thresholds.DEFAULT.withOverrides(Map.of("maxP95VsStable", "2x", "rollbackOomKilled", "3"));
    assertThat(t.maxP95VsStable()).isEqualTo(2);
    assertThat(t.rollbackOomKilled()).isEqualTo(3);
    assertThat(t.maxErrorRate()).isEqualTo(0.001);
  }

  static Stream<Arguments> badOverrides() {
    return Stream.of(
        Arguments.of("maxErorRate", "1%", "unknown threshold \"maxErorRate\"; valid keys: maxErrorRate"),
        Arguments.of("maxCpu", "70", "maxCpu=\"70\" is not a percentage like 0.5%"),
        Arguments.of("maxCpu", "abc%", "is not a percentage like 0.5%"),
        Arguments.of("maxCpu", "150%", "is not a percentage above 0% and at most 100%"),
        Arguments.of("maxP95", "2", "maxP95=\"2\" is not a duration like 1500ms or 2s"),
        Arguments.of("rollbackP95", "-1s", "is not a duration above zero"),
        Arguments.of("rollbackOomKilled", "two", "is not a whole number of at least 1"),
        Arguments.of("maxP95VsStable", "0.5x", "is not a factor of at least 1x"),
        Arguments.of("maxErrorRate", "2%", "error rates must rise from gate to watch to rollback"),
        Arguments.of("maxP95", "6s", "maxP95 6,000 ms must not be above rollbackP95 5,000 ms"));
  }

  @ParameterizedTest
  @MethodSource("badOverrides")
  void badOverrideSaysWhatIsWrong(String key, String value, String message) {
    assertThatThrownBy(() -> Thresholds.DEFAULT.withOverrides(Map.of(key, value)))
        .isInstanceOf(InvalidThresholdsException.class)
        .hasMessageContaining(message);
  }

  @Test
  void badValueListsTheValidKeys() {
    assertThatThrownBy(() -> Thresholds.DEFAULT.withOverrides(Map.of("maxCpu", "lots")))
        .hasMessageContaining("valid keys: maxErrorRate (e.g. 0.1%), maxP95 (e.g. 2000ms or 2s)");
  }
}
