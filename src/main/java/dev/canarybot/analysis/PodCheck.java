package dev.canarybot.analysis;

import static dev.canarybot.analysis.NumberText.percent;

import dev.canarybot.analysis.Verdict.Kind;
import java.util.OptionalDouble;

/**
 * The canary's pods: OOMKills, readiness, restarts, CPU and memory against limits. An OOMKill
 * is counted, not sampled, so it needs no statistics: two of them are a pattern.
 */
final class PodCheck {
  private PodCheck() {}

  static void check(Findings f, VersionMetrics canary, Thresholds t) {
    String v = canary.version();
    PodHealth pods = canary.pods();
    if (pods == null) {
      f.raise(Kind.Inconclusive, "pod health of " + v + " unavailable");
      f.block("pod health of " + v + " unknown");
    } else {
      checkPods(f, v, pods, t);
    }
    usage(f, v, "CPU", canary.cpuOfLimit(), t.maxCpu());
    usage(f, v, "memory", canary.memoryOfLimit(), t.maxMemory());
  }

  private static void checkPods(Findings f, String v, PodHealth pods, Thresholds t) {
    String oom = v + " had " + pods.oomKilled() + " container" + (pods.oomKilled() == 1 ? "" : "s")
        + " OOMKilled since the step began";
    if (pods.oomKilled() >= t.rollbackOomKilled()) {
      f.raise(Kind.Breach, oom + " (rollback at " + t.rollbackOomKilled() + ")");
      f.block(oom);
    } else if (pods.oomKilled() > 0) {
      // One OOMKill is the clearest sign of climbing memory a snapshot can give.
      f.raise(Kind.Watch, oom);
      f.block(oom);
    }
    if (pods.ready() < pods.total() || pods.total() == 0) {
      String ready = "only " + pods.ready() + " of " + pods.total() + " " + v + " pods are ready";
      f.note(ready);
      f.block(ready);
    }
    if (pods.restarts() > 0) {
      f.note(v + " containers restarted " + pods.restarts() + " time" + (pods.restarts() == 1 ? "" : "s")
          + " since the step began");
    }
  }

  /**
   * Usage without a limit has no "of limit" to judge, and many clusters set no CPU limits, so
   * a missing value is reported but does not block; a value at or past the gate does.
   */
  private static void usage(Findings f, String v, String what, OptionalDouble ofLimit, double gate) {
    if (ofLimit.isEmpty()) {
      f.unavailable(v + " " + what + " against limits not available");
      return;
    }
    double used = ofLimit.getAsDouble();
    if (used >= gate) {
      String text = v + " " + what + " at " + percent(used) + " of its limit, above the " + percent(gate) + " gate";
      f.note(text);
      f.block(text);
    }
  }
}
