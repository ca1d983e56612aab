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
        .append(e.action().threadVerb()).append(' ').append(r.name());
    if (e.fromWeight() >= 0 && e.fromWeight() != e.toWeight()) {
      line.append(' ').append(e.fromWeight()).append(" % → ").append(e.toWeight()).append(" %");
    }
    // Reasons can be a person's words and outcomes name things read from the cluster.
    line.append(": ").append(SlackText.safe(e.reason()));
    if (outcome != null && !outcome.isBlank() && !outcome.equals(e.reason())) {
      line.append(" · ").append(SlackText.safe(outcome));
    }
    return SlackText.limit(line.toString(), 3000);
  }

}
