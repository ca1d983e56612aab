package dev.canarybot.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.canarybot.release.CheckSpec;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The stored form of one custom check. The schema refuses what it can (name, lengths, the
 * onBreach values, min above max); the bot checks the rest (placeholders, PromQL) per release.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.min) || !has(self.max) || self.min <= self.max", message = "min must not be above max")
@ValidationRule(value = "has(self.min) || has(self.max)", message = "give min, max or both")
public class CheckSpecDto {
  @Required
  @Size(max = 63)
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  public String name;
  /** PromQL with {{namespace}}, {{service}}, {{version}}, {{workload}} and {{window}}. */
  @Required
  @Size(min = 1, max = 4000)
  public String query;
  public Double min;
  public Double max;
  /** When true, min and max apply to canary ÷ stable. */
  public Boolean relativeToStable;
  /** rollback, watch, or gate (block promotion only; the default). */
  @Pattern("^(rollback|watch|gate)$")
  public String onBreach;

  static List<CheckSpecDto> of(List<CheckSpec> checks) {
    if (checks.isEmpty()) {
      return null;
    }
    return checks.stream().map(c -> {
      CheckSpecDto d = new CheckSpecDto();
      d.name = c.name();
      d.query = c.query();
      d.min = c.min().isPresent() ? c.min().getAsDouble() : null;
      d.max = c.max().isPresent() ? c.max().getAsDouble() : null;
      d.relativeToStable = c.relativeToStable() ? Boolean.TRUE : null;
      d.onBreach = c.onBreach().name();
      return d;
    }).toList();
  }

  /** An unknown onBreach is kept as {@code gate} only after the schema refused it; the spec check names it. */
  static List<CheckSpec> toChecks(List<CheckSpecDto> dtos) {
    if (dtos == null) {
      return List.of();
    }
    return dtos.stream().map(d -> new CheckSpec(d.name == null ? "" : d.name, d.query,
        d.min == null ? OptionalDouble.empty() : OptionalDouble.of(d.min),
        d.max == null ? OptionalDouble.empty() : OptionalDouble.of(d.max),
        Boolean.TRUE.equals(d.relativeToStable), CheckSpec.OnBreach.parse(d.onBreach))).toList();
  }
}
