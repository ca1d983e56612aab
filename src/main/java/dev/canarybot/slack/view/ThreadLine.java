package dev.canarybot.slack.view;

import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.HistoryEntry;
import dev.canarybot.release.TimeText;

/** The one line a transition adds to the card's thread: who, what, when, why. */
public final class ThreadLine {
  private ThreadLine() {}

  /** "10:02 UTC · <@U1> promoted api-vs 10 % → 50 %: reason · VirtualService … now 50/50". */
  public static String of(CanaryRelease r, HistoryEntry e, String outcome) {
    StringBuilder line = new StringBuilder()
        .append(TimeText.clock(e.at())).append(" · ").append(e.actor()).append(' ')
        .append(verb(e.action())).append(' ').append(r.name());
    if (e.fromWeight() >= 0 && e.fromWeight() != e.toWeight()) {
      line.append(' ').append(e.fromWeight()).append(" % → ").append(e.toWeight()).append(" %");
    }
    line.append(": ").append(e.reason());
    if (outcome != null && !outcome.isBlank() && !outcome.equals(e.reason())) {
      line.append(" · ").append(outcome);
    }
    return SlackText.limit(line.toString(), 3000);
  }

  private static String verb(String action) {
    switch (action) {
      case "start": return "started";
      case "promote": return "promoted";
      case "rollback": return "rolled back";
      case "pause": return "paused";
      case "resume": return "resumed";
      case "drift": return "paused";
      case "complete": return "completed";
      case "cleanup": return "cleaned up";
      case "retired": return "retired the old version of";
      case "fail": return "marked failed";
      default: return action;
    }
  }
}
