package dev.canarybot.analysis;

import java.util.List;
import java.util.Objects;

/**
 * What the analysis concluded about a canary at one tick. The kind says whether to alert or
 * roll back; the blockers say what stands between the canary and its next step. They are
 * separate because a canary can be perfectly healthy and still not promotable (too little
 * time or traffic at the step).
 *
 * @param reasons plain-word findings naming versions and numbers, most severe first
 * @param blockers what prevents promotion; none means the gates pass
 */
public record Verdict(Kind kind, List<String> reasons, List<String> blockers) {

  /** Ordered by severity, so the worst finding of a tick decides the kind. */
  public enum Kind {
    Healthy, Inconclusive, Watch, Breach
  }

  public Verdict {
    Objects.requireNonNull(kind, "kind");
    reasons = List.copyOf(reasons);
    blockers = List.copyOf(blockers);
  }

  public boolean promotable() {
    return blockers.isEmpty();
  }
}
