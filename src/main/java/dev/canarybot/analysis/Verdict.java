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

  /**
   * One mrkdwn line for the card: ":red_circle: *Breach*: v2 5xx rate ... · promotion blocked
   * (2 reasons)". The first reason is the most severe one.
   */
  public String summaryLine() {
    StringBuilder line = new StringBuilder(emoji()).append(" *").append(label()).append('*');
    if (!reasons.isEmpty()) {
      line.append(": ").append(reasons.get(0));
      if (reasons.size() > 1) {
        line.append(" (+").append(reasons.size() - 1).append(" more)");
      }
    }
    if (blockers.isEmpty()) {
      line.append(" · gates pass");
    } else if (blockers.size() == 1) {
      line.append(" · promotion blocked: ").append(blockers.get(0));
    } else {
      line.append(" · promotion blocked (").append(blockers.size()).append(" reasons)");
    }
    return line.toString();
  }

  private String emoji() {
    return switch (kind) {
      case Breach -> ":red_circle:";
      case Watch -> ":large_orange_circle:";
      case Inconclusive -> ":white_circle:";
      case Healthy -> ":large_green_circle:";
    };
  }

  private String label() {
    return kind == Kind.Inconclusive ? "Not enough data" : kind.name();
  }
}
