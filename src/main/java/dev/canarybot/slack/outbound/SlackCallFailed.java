package dev.canarybot.slack.outbound;

/** A Slack call that failed for good, or was given up after its retries. */
public class SlackCallFailed extends RuntimeException {
  public SlackCallFailed(String method, String error) {
    super("Slack " + method + ": " + error);
  }
}
