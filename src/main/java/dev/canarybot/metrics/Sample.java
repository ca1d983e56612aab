package dev.canarybot.metrics;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * One series of an instant-query answer.
 *
 * @param value empty when Prometheus answered NaN or ±Inf: "no data", never zero
 */
public record Sample(Map<String, String> labels, OptionalDouble value) {

  public Sample {
    labels = Map.copyOf(labels);
  }

  public String label(String name) {
    return labels.getOrDefault(name, "");
  }
}
