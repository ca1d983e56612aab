package dev.canarybot.service.port;

/**
 * The weights the target route carries now. A canary with no destination on the route has
 * weight 0 and {@code canaryPresent == false}.
 */
public record RouteWeights(int stable, int canary, boolean canaryPresent) {

  public String describe() {
    return stable + "/" + canary;
  }
}
