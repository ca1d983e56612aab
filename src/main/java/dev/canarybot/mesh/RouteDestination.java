package dev.canarybot.mesh;

/**
 * One entry of an HTTP route's {@code route} list, as read.
 *
 * @param index its position in the list, which is what a write addresses
 * @param host the host as the VirtualService spells it
 * @param fqdn the same host fully qualified, for comparing
 * @param weight {@code null} when the field is absent
 */
public record RouteDestination(int index, String host, String fqdn, String subset, Integer weight) {

  /** Istio sends all traffic to a lone destination without a weight, and none to any other. */
  public int effectiveWeight(int destinationCount) {
    if (weight != null) {
      return weight;
    }
    return destinationCount == 1 ? 100 : 0;
  }
}
