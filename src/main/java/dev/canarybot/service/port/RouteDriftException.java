package dev.canarybot.service.port;

/** The route's weights are not the ones the bot expected: a person or another tool moved them. */
public class RouteDriftException extends RuntimeException {
  private final RouteWeights found;

  public RouteDriftException(String message, RouteWeights found) {
    super(message);
    this.found = found;
  }

  public RouteWeights found() {
    return found;
  }
}
