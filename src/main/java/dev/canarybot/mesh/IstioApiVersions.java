package dev.canarybot.mesh;

/** The versions the bot uses for VirtualServices and DestinationRules, chosen once at start. */
public record IstioApiVersions(IstioApiVersion virtualServices, IstioApiVersion destinationRules) {

  /** "VirtualServices networking.istio.io/v1 (…), DestinationRules networking.istio.io/v1 (…)". */
  public String describe() {
    return "VirtualServices " + virtualServices.describe()
        + ", DestinationRules " + destinationRules.describe();
  }
}
