package dev.canarybot.slack.view;

/**
 * A {@code canary.links.<name>} setting that cannot be drawn; the message names the setting,
 * says what is wrong and shows the right form with an example.
 */
public class InvalidLinkException extends IllegalArgumentException {
  public InvalidLinkException(String message) {
    super(message);
  }
}
