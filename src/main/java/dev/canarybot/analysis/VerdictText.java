package dev.canarybot.analysis;

/**
 * A verdict as one plain-text line, no markup: what the release stores and kubectl shows.
 * Each surface adds its own markup to it (slack/view for mrkdwn).
 */
public final class VerdictText {
  private VerdictText() {}

  /**
   * "Breach: v2 5xx rate ... (+1 more) · promotion blocked: ..."; the first reason is the most
   * severe one.
   */
  public static String plain(Verdict v) {
    StringBuilder line = new StringBuilder(VerdictKinds.stored(v.kind()).label());
    if (!v.reasons().isEmpty()) {
      line.append(": ").append(v.reasons().get(0));
      if (v.reasons().size() > 1) {
        line.append(" (+").append(v.reasons().size() - 1).append(" more)");
      }
    }
    if (v.blockers().isEmpty()) {
      line.append(" · gates pass");
    } else if (v.blockers().size() == 1) {
      line.append(" · promotion blocked: ").append(v.blockers().get(0));
    } else {
      line.append(" · promotion blocked (").append(v.blockers().size()).append(" reasons)");
    }
    return line.toString();
  }
}
