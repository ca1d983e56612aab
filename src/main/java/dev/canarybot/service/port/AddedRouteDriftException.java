package dev.canarybot.service.port;

/**
 * A route canary-bot added to the VirtualService is not as the bot left it (edited, moved,
 * removed, or put there by hand), or cannot be made: the bot stops and a person decides.
 */
public class AddedRouteDriftException extends RuntimeException {
  public AddedRouteDriftException(String message) {
    super(message);
  }
}
