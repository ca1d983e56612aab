package dev.canarybot.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.release.CheckSpec.OnBreach;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class CheckSpecTest {
  private static CheckSpec spec(String name, String query, Double min, Double max) {
    return new CheckSpec(name, query, min == null ? OptionalDouble.empty() : OptionalDouble.of(min),
        max == null ? OptionalDouble.empty() : OptionalDouble.of(max), false, OnBreach.gate);
  }

  @Test
  void aWellFormedCheckHasNoProblem() {
    assertThat(spec("checkout-success", "sum(x{v=\"{{version}}\"}[{{ window }}])", 0.99, null).problem()).isNull();
  }

  @Test
  void problemsSayWhatIsWrong() {
    assertThat(spec("Checkout", "x", 1.0, null).problem()).contains("not a DNS-1123 label");
    assertThat(spec("c", " ", 1.0, null).problem()).isEqualTo("check c has no query");
    assertThat(spec("c", "x{a=\"{{pod}}\"}", 1.0, null).problem())
        .isEqualTo("check c uses unknown placeholder {{pod}}; known: {{namespace}}, {{service}}, {{version}}, "
            + "{{workload}}, {{window}}");
    assertThat(spec("c", "x", null, null).problem()).isEqualTo("check c has neither min nor max; give at least one");
    assertThat(spec("c", "x", 2.0, 1.0).problem()).isEqualTo("check c has min 2.0 above max 1.0");
  }

  @Test
  void renderReplacesEveryPlaceholder() {
    Map<String, String> v = Map.of("version", "v2", "window", "300s");
    assertThat(spec("c", "a{v=\"{{version}}\"}[{{ window }}] / b{v=\"{{version}}\"}", 1.0, null).render(v::get))
        .isEqualTo("a{v=\"v2\"}[300s] / b{v=\"v2\"}");
  }

  @Test
  void onBreachDefaultsToGateAndRefusesOtherWords() {
    assertThat(OnBreach.parse(null)).isEqualTo(OnBreach.gate);
    assertThat(OnBreach.parse("Rollback")).isEqualTo(OnBreach.rollback);
    assertThat(OnBreach.parse("page")).isNull();
  }
}
