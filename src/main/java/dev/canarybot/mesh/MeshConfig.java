package dev.canarybot.mesh;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the bot talks to Istio. */
@ConfigMapping(prefix = "canary.mesh")
public interface MeshConfig {

  /** apiVersion of the VirtualServices the bot reads and writes. */
  @WithDefault("networking.istio.io/v1beta1")
  String virtualServiceApiVersion();

  /** apiVersion of the DestinationRules the bot reads subsets from. */
  @WithDefault("networking.istio.io/v1beta1")
  String destinationRuleApiVersion();

  /** The cluster's DNS domain, which short Service hosts are completed with. */
  @WithDefault(MeshHosts.DEFAULT_CLUSTER_DOMAIN)
  String clusterDomain();

  /** How often a weight write that lost a race is re-read and re-decided before giving up. */
  @WithDefault("5")
  int writeAttempts();
}
