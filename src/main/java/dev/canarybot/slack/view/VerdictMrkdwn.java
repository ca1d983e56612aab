package dev.canarybot.slack.view;

import dev.canarybot.analysis.Verdict;
import dev.canarybot.analysis.VerdictKinds;
import dev.canarybot.analysis.VerdictText;
import dev.canarybot.release.LastVerdict;
import dev.canarybot.release.VerdictKind;

/**
 * A verdict as one mrkdwn line: ":red_circle: *Breach*: v2 5xx rate ...". Drawn from the kind
 * and the plain line, so a verdict read back from the release looks like a fresh one.
 */
public final class VerdictMrkdwn {
  private VerdictMrkdwn() {}

  public static String line(Verdict v) {
    return line(VerdictKinds.stored(v.kind()), VerdictText.plain(v));
  }

  /** {@code null} before any verdict was kept, as the card expects. */
  public static String line(LastVerdict v) {
    return v == null ? null : line(v.kind(), v.summary());
  }

  /**
   * The plain line's leading label in bold after the kind's emoji; the rest escaped, since a
   * stored summary is read from the cluster.
   */
  public static String line(VerdictKind kind, String plain) {
    String text = plain == null ? "" : plain;
    String label = kind.label();
    String rest = text.startsWith(label) ? text.substring(label.length())
        : text.isEmpty() ? "" : ": " + text;
    return emoji(kind) + " *" + label + "*" + SlackText.escape(rest);
  }

  private static String emoji(VerdictKind kind) {
    return switch (kind) {
      case Breach -> ":red_circle:";
      case Watch -> ":large_orange_circle:";
      case Inconclusive -> ":white_circle:";
      case Healthy -> ":large_green_circle:";
    };
  }
}
