package dev.canarybot.mesh;

import java.util.Objects;

/**
 * Turns the host names Istio accepts ({@code api-service}, {@code api-service.default},
 * {@code api-service.default.svc}, the FQDN) into one fully qualified name, so that two
 * spellings of the same Service compare equal.
 */
public final class MeshHosts {
  public static final String DEFAULT_CLUSTER_DOMAIN = "cluster.local";

  private final String clusterDomain;

  public MeshHosts(String clusterDomain) {
    this.clusterDomain = Objects.requireNonNull(clusterDomain, "clusterDomain");
  }

  public MeshHosts() {
    this(DEFAULT_CLUSTER_DOMAIN);
  }

  /**
   * @param namespace the namespace of the object that names the host; short names are relative
   *     to it
   */
  public String fqdn(String host, String namespace) {
    if (host == null || host.isEmpty()) {
      return host;
    }
    String[] parts = host.split("\\.");
    if (parts.length == 1) {
      return host + "." + namespace + ".svc." + clusterDomain;
    }
    if (parts.length == 2) {
      return host + ".svc." + clusterDomain;
    }
    if (parts.length == 3 && parts[2].equals("svc")) {
      return host + "." + clusterDomain;
    }
    // Anything longer is either the FQDN already or a host outside the cluster: kept as written.
    return host;
  }

  /** The Service behind a cluster FQDN, or {@code null} for a host outside the cluster. */
  public ServiceRef service(String fqdn) {
    String suffix = ".svc." + clusterDomain;
    if (fqdn == null || !fqdn.endsWith(suffix)) {
      return null;
    }
    String[] parts = fqdn.substring(0, fqdn.length() - suffix.length()).split("\\.");
    return parts.length == 2 ? new ServiceRef(parts[1], parts[0]) : null;
  }

  /** A Service by namespace and name. */
  public record ServiceRef(String namespace, String name) {}
}
