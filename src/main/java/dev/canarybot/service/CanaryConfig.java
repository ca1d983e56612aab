package dev.canarybot.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** The release engine's settings ({@code canary.*}). */
@ConfigMapping(prefix = "canary")
public interface CanaryConfig {

  /** Namespace used when a command names none. */
  @WithDefault("default")
  String namespace();

  /** Default canary weights of a release: increasing, ending at 100. */
  @WithDefault("10,50,100")
  List<Integer> steps();

  /** How long a release stays at 100 % before the old version may be retired. */
  @WithDefault("24h")
  Duration cleanupAfter();

  /** Whether a new release rolls back on its own when an immediate trigger trips. */
  @WithDefault("true")
  boolean autoRollback();

  /** API version used to read and write VirtualServices and DestinationRules. */
  @WithDefault("networking.istio.io/v1beta1")
  String istioApiVersion();

  /** The cluster's DNS domain, to tell {@code api-service} and its full name are one host. */
  @WithDefault("cluster.local")
  String clusterDomain();
}
