package dev.canarybot.slack.view;

/**
 * Text as Slack takes it: Block Kit refuses a message whose texts are longer than their
 * limits (and shows nothing), so every drawn text is cut to fit here.
 */
public final class SlackText {
  private SlackText() {}

  /** {@code text} cut to {@code max} characters, with an ellipsis when it was longer. */
  public static String limit(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
