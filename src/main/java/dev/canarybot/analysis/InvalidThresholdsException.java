package dev.canarybot.analysis;

/** A threshold override that cannot be used; the message says why and what is valid. */
public class InvalidThresholdsException extends IllegalArgumentException {
  public InvalidThresholdsException(String message) {
    super(message);
  }
}
