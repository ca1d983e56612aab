package dev.canarybot.slack.view;

import dev.canarybot.analysis.Verdict;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.LastVerdict;
import dev.canarybot.service.port.Analysis;
import dev.canarybot.service.port.AutoRollback;

/** The words of a channel alert: who is called, what tripped, what the bot did about it. */
public final class AlertText {
  private static final int ALERT_REASONS = 2;

  private AlertText() {}

  /** "@here" -> {@code <!here>}; "S123" -> a user-group mention; "none" -> nothing. */
  public static String mention(String setting) {
    String s = setting == null ? "" : setting.trim();
    if (s.isEmpty() || s.equalsIgnoreCase("none")) {
      return "";
    }
    if (s.equals("@here") || s.equals("@channel") || s.equals("@everyone")) {
      return "<!" + s.substring(1) + "> ";
    }
    if (s.startsWith("S")) {
      return "<!subteam^" + s + "> ";
    }
    if (s.startsWith("U") || s.startsWith("W")) {
      return "<@" + s + "> ";
    }
    return s + " ";
  }

  public static String alert(String mention, CanaryRelease r, Analysis a, AutoRollback rollback, String cardLink) {
    Verdict v = a.verdict();
    boolean rolledBack = rollback.outcome() == AutoRollback.Outcome.DONE;
    StringBuilder text = new StringBuilder(mention);
    if (rollback.outcome() == AutoRollback.Outcome.FAILED) {
      // The one alert that must make someone act at once: what failed, then the way out.
      text.append(":rotating_light: *").append(r.name()).append("*: automatic rollback FAILED: ")
          .append(SlackText.safe(SlackText.limit(rollback.reason(), 1000)))
          .append("\nRoll back by hand:\n```").append(SlackText.escape(rollback.byHand())).append("```\n");
    }
    text.append(v.kind() == Verdict.Kind.Breach ? ":rotating_light: *Breach*" : ":warning: *Watch*")
        .append(" on *").append(r.name()).append("* (").append(r.target().canarySubset())
        .append(" at ").append(a.weight()).append(" %)");
    // The most severe findings come first; an alert shows those and leaves notes to summaries.
    int shown = Math.min(ALERT_REASONS, v.reasons().size());
    for (String reason : v.reasons().subList(0, shown)) {
      text.append("\n• ").append(SlackText.safe(reason));
    }
    if (v.reasons().size() > shown) {
      text.append("\n_(").append(v.reasons().size() - shown).append(" more in the card's thread)_");
    }
    if (rolledBack) {
      text.append("\n:leftwards_arrow_with_hook: *Rolled back automatically*: all traffic is on ")
          .append(r.target().stableSubset()).append(" (").append(r.target().stableWorkload()).append(").");
    } else if (v.kind() == Verdict.Kind.Breach && rollback.outcome() == AutoRollback.Outcome.NOT_TRIED) {
      text.append("\nAutomatic rollback is off for this release: roll back with the button below.");
    }
    if (cardLink != null) {
      text.append("\n<").append(cardLink).append("|Open the card>");
    }
    return SlackText.limit(text.toString(), 3000);
  }

  /**
   * The episode's page once the canary is healthy again: edited in place, so whoever opens the
   * page from the notification reads the end of the story first; what it was stays below.
   */
  public static String recovered(CanaryRelease r, Analysis a, LastVerdict was, String cardLink) {
    StringBuilder text = new StringBuilder(":white_check_mark: *Recovered*: *").append(r.name())
        .append("* (").append(r.target().canarySubset()).append(" at ").append(a.weight())
        .append(" %) is healthy again\n").append(VerdictMrkdwn.line(a.verdict()));
    if (was != null) {
      text.append("\n_Before: ").append(VerdictMrkdwn.line(was)).append("_");
    }
    if (cardLink != null) {
      text.append("\n<").append(cardLink).append("|Open the card>");
    }
    return SlackText.limit(text.toString(), 3000);
  }

  /** The recovery's line in the page's thread. */
  public static String recoveredLine(CanaryRelease r, Analysis a) {
    return SlackText.limit(":white_check_mark: *" + r.name() + "* recovered: " + VerdictMrkdwn.line(a.verdict()), 3000);
  }
}
