package dev.canarybot.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the checks of one tick have found so far. Each check adds its own findings; the worst
 * kind wins and reasons are listed worst first, so the checks need not know about each other.
 */
final class Findings {
  private record Reason(Verdict.Kind severity, String text) {}

  private final List<Reason> reasons = new ArrayList<>();
  private final List<String> blockers = new ArrayList<>();
  private Verdict.Kind kind = Verdict.Kind.Healthy;

  /** A finding that sets the verdict to at least {@code severity}. */
  void raise(Verdict.Kind severity, String reason) {
    if (severity.compareTo(kind) > 0) {
      kind = severity;
    }
    reasons.add(new Reason(severity, reason));
  }

  /** A finding worth reporting that changes nothing. */
  void note(String reason) {
    reasons.add(new Reason(Verdict.Kind.Healthy, reason));
  }

  void block(String blocker) {
    if (!blockers.contains(blocker)) {
      blockers.add(blocker);
    }
  }

  Verdict.Kind kind() {
    return kind;
  }

  Verdict verdict() {
    List<String> texts = reasons.stream()
        .sorted(Comparator.comparing(Reason::severity).reversed())
        .map(Reason::text)
        .toList();
    return new Verdict(kind, texts, blockers);
  }
}
