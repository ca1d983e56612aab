package dev.canarybot.service;

import dev.canarybot.release.CheckSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The checks a start names ({@code --check checkout-success}), copied from configuration into
 * the release, so the release keeps judging by what it was started with even if the
 * configuration changes later.
 */
final class ConfiguredChecks {
  /** The checks, or the refusal that says which name is wrong and what is configured. */
  record Resolved(List<CheckSpec> checks, String refusal) {}

  private ConfiguredChecks() {}

  static Resolved resolve(Map<String, CanaryConfig.Check> configured, List<String> names) {
    List<CheckSpec> checks = new ArrayList<>();
    for (String name : names) {
      CanaryConfig.Check c = configured.get(name);
      if (c == null) {
        String known = configured.isEmpty() ? "none are configured (set canary.checks.<name>.query)"
            : "configured: " + String.join(", ", new TreeSet<>(configured.keySet()));
        return new Resolved(List.of(), "cannot start: no check named " + name + "; " + known
            + ". Name one with `--check <name>`.");
      }
      if (checks.stream().anyMatch(s -> s.name().equals(name))) {
        return new Resolved(List.of(), "cannot start: check " + name + " is named twice; name each check once");
      }
      CheckSpec.OnBreach onBreach = CheckSpec.OnBreach.parse(c.onBreach());
      if (onBreach == null) {
        return new Resolved(List.of(), "cannot start: canary.checks." + name + ".on-breach is " + c.onBreach()
            + "; use rollback, watch or gate");
      }
      CheckSpec spec = new CheckSpec(name, c.query(), c.min(), c.max(), c.relativeToStable(), onBreach);
      String problem = spec.problem();
      if (problem != null) {
        return new Resolved(List.of(), "cannot start: " + problem + " (canary.checks." + name + ")");
      }
      checks.add(spec);
    }
    return new Resolved(checks, null);
  }
}
