package dev.canarybot.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The spec of a CanaryRelease as it is stored: what the release moves and how. Public fields
 * because this is a wire format that only {@link CanaryReleaseMapper} reads and writes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CanaryReleaseSpec {
  @Required
  public TargetSpec target;
  /** Canary weights in percent, strictly increasing, ending at 100. */
  @Required
  @Size(min = 1, max = 100)
  public List<Integer> steps = new ArrayList<>();
  /** How long the release stays at 100 % before cleanup is offered, ISO-8601 (PT24H). */
  @Size(max = 64)
  public String cleanupAfter;
  public boolean autoRollback;
  /** Whether the canary's replicas follow its weight; absent means match-weight. */
  @io.fabric8.generator.annotation.Pattern("^(match-weight|off)$")
  public String capacity;
  /**
   * Threshold overrides for this release, e.g. maxErrorRate: "0.5%", rollbackP95: "4s"; the
   * bot's defaults apply to everything not named here.
   */
  @Size(max = 32)
  public Map<String, String> thresholds;
  /**
   * The header that sends testers to the canary at any weight: header=value (exact) or
   * header~regex, e.g. x-canary=always; absent means no testers' route.
   */
  @Size(max = 200)
  public String testers;
  /** Custom checks: a PromQL template per check, judged for canary and stable each tick. */
  @Size(max = 20)
  @io.fabric8.generator.annotation.ValidationRule(value = "self.all(c, self.exists_one(d, d.name == c.name))",
      message = "each check name must be unique within the release")
  public List<CheckSpecDto> checks;
  /** This release's change windows, as canary.windows is written; absent: the setting's. */
  @Size(max = 500)
  public String windows;
}
