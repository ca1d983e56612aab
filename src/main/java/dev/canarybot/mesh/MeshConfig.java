package dev.canarybot.mesh;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** How the bot talks to Istio. */
@ConfigMapping(prefix = "canary.mesh")
public interface MeshConfig {

  /**
   * apiVersion of the VirtualServices the bot reads and writes; unset means the version the API
   * server prefers for networking.istio.io, asked once at start.
   */
  Optional<String> virtualServiceApiVersion();

  /**
   * apiVersion of the DestinationRules the bot reads subsets from; unset means the version the
   * API server prefers for networking.istio.io, asked once at start.
   */
  Optional<String> destinationRuleApiVersion();

  /** The cluster's DNS domain, which short Service hosts are completed with. */
  @WithDefault(MeshHosts.DEFAULT_CLUSTER_DOMAIN)
  String clusterDomain();

  /** How often a weight write that lost a race is re-read and re-decided before giving up. */
  @WithDefault("5")
  int writeAttempts();
}
