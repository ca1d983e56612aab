package dev.canarybot.release;

/** A plan that breaks the step rules; the message says which rule and how to write it right. */
public class InvalidPlanException extends IllegalArgumentException {
  public InvalidPlanException(String message) {
    super(message);
  }
}
