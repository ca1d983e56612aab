package dev.canarybot.service.port;

/** A target that cannot be resolved or no longer exists; the message is for people. */
public class TargetException extends RuntimeException {
  public TargetException(String message) {
    super(message);
  }

  public TargetException(String message, Throwable cause) {
    super(message, cause);
  }
}
