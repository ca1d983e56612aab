package dev.canarybot.release;

/**
 * A change-window expression that cannot be read; the message names the entry, says what is
 * wrong and shows the right form with an example.
 */
public class InvalidWindowsException extends IllegalArgumentException {
  public InvalidWindowsException(String message) {
    super(message);
  }
}
