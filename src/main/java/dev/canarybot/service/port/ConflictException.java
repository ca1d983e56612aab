package dev.canarybot.service.port;

/** A compare-and-swap lost: someone wrote the object since it was read. */
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }

  public ConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
