package dev.canarybot.service.port;

/**
 * A stored CanaryRelease the bot cannot act on: edited by hand into an invalid plan, naming
 * another namespace, or missing what a release needs. The message says what is wrong with it.
 */
public class UnreadableReleaseException extends RuntimeException {
  public UnreadableReleaseException(String message) {
    super(message);
  }

  public UnreadableReleaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
