package dev.canarybot.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the checks of one tick have found so far. Each check adds its own findings; the worst
 * kind wins and reasons are listed worst first, so the checks need not know about each other.
 */
final class Findings {
  /** Within one severity: the proof first, then what was judged, then what could not be. */
  private enum Rank { PROOF, FINDING, UNAVAILABLE }

  private record Reason(Verdict.Kind severity, Rank rank, String text) {}

  private final List<Reason> reasons = new ArrayList<>();
  private final List<String> blockers = new ArrayList<>();
  private Verdict.Kind kind = Verdict.Kind.Healthy;

  /** A finding that sets the verdict to at least {@code severity}. */
  void raise(Verdict.Kind severity, String reason) {
    if (severity.compareTo(kind) > 0) {
      kind = severity;
    }
    reasons.add(new Reason(severity, Rank.FINDING, reason));
  }

  /** A finding worth reporting that changes nothing. */
  void note(String reason) {
    reasons.add(new Reason(Verdict.Kind.Healthy, Rank.FINDING, reason));
  }

  /** The numbers that prove a healthy verdict, in one line: they lead the healthy reasons. */
  void proof(String reason) {
    reasons.add(new Reason(Verdict.Kind.Healthy, Rank.PROOF, reason));
  }

  /** Something that could not be judged and changes nothing (no CPU limits): listed last. */
  void unavailable(String reason) {
    reasons.add(new Reason(Verdict.Kind.Healthy, Rank.UNAVAILABLE, reason));
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
        .sorted(Comparator.comparing(Reason::severity).reversed().thenComparing(Reason::rank))
        .map(Reason::text)
        .toList();
    return new Verdict(kind, texts, blockers);
  }
}
