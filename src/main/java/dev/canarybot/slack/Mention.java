package dev.canarybot.slack;

/**
 * How a Slack user is named in a release's history: {@code <@U123>}, which Slack renders as
 * the person's current name, so the history stays right when people rename themselves.
 */
public final class Mention {
  private Mention() {}

  public static String of(String userId) {
    return "<@" + userId + ">";
  }
}
