package dev.canarybot.mesh;

/**
 * The apiVersion the bot reads and writes one Istio kind with, and why it is that one.
 *
 * @param apiVersion {@code networking.istio.io/v1}
 * @param why "pinned by canary.mesh.virtual-service-api-version", or what the API server serves
 */
public record IstioApiVersion(String apiVersion, String why) {

  public String group() {
    return apiVersion.substring(0, apiVersion.indexOf('/'));
  }

  public String version() {
    return apiVersion.substring(apiVersion.indexOf('/') + 1);
  }

  /** "networking.istio.io/v1 (the API server's preferred version; it serves v1, v1beta1)". */
  public String describe() {
    return apiVersion + " (" + why + ")";
  }
}
