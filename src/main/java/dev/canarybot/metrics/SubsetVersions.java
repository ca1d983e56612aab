package dev.canarybot.metrics;

import java.util.Map;

/**
 * The {@code destination_version} of a subset. Istio takes it from the pods' {@code version}
 * label, which by convention equals the subset's name; a map in config covers the exceptions
 * rather than reading every DestinationRule on each tick.
 */
final class SubsetVersions {
  private final Map<String, String> overrides;

  SubsetVersions(Map<String, String> overrides) {
    this.overrides = Map.copyOf(overrides);
  }

  String of(String subset) {
    return overrides.getOrDefault(subset, subset);
  }
}
