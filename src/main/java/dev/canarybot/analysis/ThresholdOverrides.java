package dev.canarybot.analysis;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads per-release overrides written the way people say them: {@code 0.5%}, {@code 1500ms},
 * {@code 4s}, {@code 1.5x}. Units are required, so "maxCpu=70" cannot mean 7,000 %.
 */
final class ThresholdOverrides {
  private static final String KEYS = "maxErrorRate (e.g. 0.1%), maxP95 (e.g. 2000ms or 2s), "
      + "maxP95VsStable (e.g. 1.5x), maxCpu (e.g. 80%), maxMemory (e.g. 80%), "
      + "rollbackErrorRate (e.g. 1%), rollbackP95 (e.g. 5s), rollbackOomKilled (e.g. 2), "
      + "watchErrorRate (e.g. 0.5%), splitTolerance (e.g. 5%)";

  private ThresholdOverrides() {}

  static Thresholds apply(Thresholds t, Map<String, String> overrides) {
    double maxErrorRate = t.maxErrorRate();
    double maxP95 = t.maxP95Ms();
    double vsStable = t.maxP95VsStable();
    double maxCpu = t.maxCpu();
    double maxMemory = t.maxMemory();
    double rollbackErrorRate = t.rollbackErrorRate();
    double rollbackP95 = t.rollbackP95Ms();
    int rollbackOom = t.rollbackOomKilled();
    double watchErrorRate = t.watchErrorRate();
    double splitTolerance = t.splitTolerance();
    // Sorted so that the first error reported does not depend on the map's order.
    for (Map.Entry<String, String> e : new TreeMap<>(overrides).entrySet()) {
      String key = e.getKey() == null ? "" : e.getKey().trim();
      String value = e.getValue() == null ? "" : e.getValue().trim();
      switch (key) {
        case "maxErrorRate" -> maxErrorRate = percent(key, value);
        case "maxP95" -> maxP95 = millis(key, value);
        case "maxP95VsStable" -> vsStable = factor(key, value);
        case "maxCpu" -> maxCpu = percent(key, value);
        case "maxMemory" -> maxMemory = percent(key, value);
        case "rollbackErrorRate" -> rollbackErrorRate = percent(key, value);
        case "rollbackP95" -> rollbackP95 = millis(key, value);
        case "rollbackOomKilled" -> rollbackOom = count(key, value);
        case "watchErrorRate" -> watchErrorRate = percent(key, value);
        case "splitTolerance" -> splitTolerance = percent(key, value);
        default -> throw new InvalidThresholdsException(
            "unknown threshold \"" + key + "\"; valid keys: " + KEYS);
      }
    }
    return new Thresholds(maxErrorRate, maxP95, vsStable, t.p95SlackMs(), maxCpu, maxMemory,
        rollbackErrorRate, rollbackP95, rollbackOom, watchErrorRate, splitTolerance,
        t.enoughDataConfidence(), t.worseThanStableConfidence(), t.minSlowerEffect());
  }

  /** Why the error-rate and latency levels contradict each other, or null when they do not. */
  static String inconsistency(double gate, double watch, double rollback, double p95, double rollbackP95) {
    if (!(gate <= watch && watch <= rollback)) {
      return "error rates must rise from gate to watch to rollback, got maxErrorRate "
          + NumberText.percent(gate) + ", watchErrorRate " + NumberText.percent(watch)
          + ", rollbackErrorRate " + NumberText.percent(rollback);
    }
    if (!(p95 <= rollbackP95)) {
      return "maxP95 " + NumberText.millis(p95) + " must not be above rollbackP95 "
          + NumberText.millis(rollbackP95);
    }
    return null;
  }

  private static double percent(String key, String value) {
    if (!value.endsWith("%")) {
      throw bad(key, value, "a percentage like 0.5%");
    }
    double v = number(key, value.substring(0, value.length() - 1), "a percentage like 0.5%");
    if (!(v > 0 && v <= 100)) {
      throw bad(key, value, "a percentage above 0% and at most 100%");
    }
    return v / 100;
  }

  private static double millis(String key, String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    String expected = "a duration like 1500ms or 2s";
    double v;
    if (lower.endsWith("ms")) {
      v = number(key, lower.substring(0, lower.length() - 2), expected);
    } else if (lower.endsWith("s")) {
      v = number(key, lower.substring(0, lower.length() - 1), expected) * 1000;
    } else {
      throw bad(key, value, expected);
    }
    if (!(v > 0)) {
      throw bad(key, value, "a duration above zero");
    }
    return v;
  }

  private static double factor(String key, String value) {
    String expected = "a factor like 1.5x";
    if (!value.toLowerCase(Locale.ROOT).endsWith("x")) {
      throw bad(key, value, expected);
    }
    double v = number(key, value.substring(0, value.length() - 1), expected);
    if (!(v >= 1)) {
      throw bad(key, value, "a factor of at least 1x");
    }
    return v;
  }

  private static int count(String key, String value) {
    try {
      int v = Integer.parseInt(value);
      if (v >= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below with the expected form
    }
    throw bad(key, value, "a whole number of at least 1");
  }

  private static double number(String key, String text, String expected) {
    try {
      double v = Double.parseDouble(text.trim());
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below with the expected form
    }
    throw bad(key, text, expected);
  }

  private static InvalidThresholdsException bad(String key, String value, String expected) {
    return new InvalidThresholdsException(
        "threshold " + key + "=\"" + value + "\" is not " + expected + "; valid keys: " + KEYS);
  }
}
