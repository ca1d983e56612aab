package dev.canarybot.service.port;

import dev.canarybot.analysis.CheckReading;
import dev.canarybot.analysis.MetricSnapshot;
import dev.canarybot.analysis.Verdict;
import java.util.List;

/** One release's numbers and what they mean, at one tick, with its custom checks' values. */
public record Analysis(MetricSnapshot snapshot, Verdict verdict, int weight, List<CheckReading> checks) {

  public Analysis {
    checks = checks == null ? List.of() : List.copyOf(checks);
  }

  /** An analysis of a release without custom checks. */
  public Analysis(MetricSnapshot snapshot, Verdict verdict, int weight) {
    this(snapshot, verdict, weight, List.of());
  }
}
