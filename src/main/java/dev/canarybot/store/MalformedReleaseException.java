package dev.canarybot.store;

/** A stored CanaryRelease the bot cannot read, e.g. one edited by hand into an invalid plan. */
public class MalformedReleaseException extends RuntimeException {
  public MalformedReleaseException(String message) {
    super(message);
  }

  public MalformedReleaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
