package dev.canarybot.metrics;

import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * One Deployment's use of a resource against its limits, from a CPU or memory answer whose series
 * carry {@code series="usage"} or {@code series="limit"} per pod.
 */
final class PodResources {
  private PodResources() {}

  /** Summed use over summed limits of the Deployment's pods; empty without both. */
  static OptionalDouble ofLimit(List<Sample> answer, String namespace, String deployment) {
    Pattern pods = Pattern.compile(Pattern.quote(deployment) + "-[a-z0-9]+-[a-z0-9]+");
    double usage = 0;
    double limit = 0;
    boolean anyUsage = false;
    for (Sample s : answer) {
      if (!namespace.equals(s.label("namespace")) || !pods.matcher(s.label("pod")).matches()
          || s.value().isEmpty()) {
        continue;
      }
      if ("usage".equals(s.label("series"))) {
        usage += s.value().getAsDouble();
        anyUsage = true;
      } else if ("limit".equals(s.label("series"))) {
        limit += s.value().getAsDouble();
      }
    }
    // Without kube-state-metrics, or with pods that set no limit, there is nothing to compare with.
    return anyUsage && limit > 0 ? OptionalDouble.of(usage / limit) : OptionalDouble.empty();
  }
}
