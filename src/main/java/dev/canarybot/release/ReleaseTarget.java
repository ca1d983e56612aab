package dev.canarybot.release;

import java.util.Objects;

/**
 * What a release moves traffic on: one HTTP route of one VirtualService, split between two
 * subsets of one host, each backed by one Deployment.
 *
 * @param route the route's name, or {@code null} when the route is unnamed (it is then found
 *     again by its destinations)
 * @param host the destination host as a fully qualified name ({@code api-service.default.svc.cluster.local})
 */
public record ReleaseTarget(
    String namespace,
    String virtualService,
    String route,
    String host,
    String stableSubset,
    String canarySubset,
    String stableWorkload,
    String canaryWorkload) {

  public ReleaseTarget {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(virtualService, "virtualService");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(stableSubset, "stableSubset");
    Objects.requireNonNull(canarySubset, "canarySubset");
    Objects.requireNonNull(stableWorkload, "stableWorkload");
    Objects.requireNonNull(canaryWorkload, "canaryWorkload");
    if (stableSubset.equals(canarySubset)) {
      throw new IllegalArgumentException("stable and canary subset are both " + stableSubset);
    }
  }

  /** "VirtualService api-vs.default route primary" — how errors and messages name the target. */
  public String describe() {
    return "VirtualService " + virtualService + "." + namespace
        + (route == null ? "" : " route " + route);
  }
}
