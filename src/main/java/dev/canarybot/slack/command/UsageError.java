package dev.canarybot.slack.command;

/**
 * A {@code /canary} text that cannot be run: what was wrong, and the usage that shows how to
 * write it. It is answered ephemerally and changes nothing.
 */
public record UsageError(String problem, String usage) implements ParseResult {

  /** The whole reply, Slack mrkdwn: the problem, then the usage (which starts with "Usage:"). */
  public String message() {
    return problem + "\n" + usage;
  }
}
