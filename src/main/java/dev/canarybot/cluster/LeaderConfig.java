package dev.canarybot.cluster;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Leader election among replicas ({@code canary.leader.*}). */
@ConfigMapping(prefix = "canary.leader")
public interface LeaderConfig {

  /** Elect one replica through a Lease; off, this replica always leads (one replica only). */
  @WithDefault("false")
  boolean enabled();

  /** Namespace of the Lease: the bot's own (the Deployment passes it from the downward API). */
  @WithDefault("canary-bot")
  String namespace();

  /** Name of the Lease every replica competes for. */
  @WithDefault("canary-bot-leader")
  String leaseName();

  /** This replica's name in the Lease; the host name (the pod name) when unset. */
  Optional<String> identity();

  /** How long a Lease not renewed stays with its holder: the longest takeover after a crash. */
  @WithDefault("15s")
  Duration leaseDuration();

  /** How long the leader keeps trying to renew before it stops leading. */
  @WithDefault("10s")
  Duration renewDeadline();

  /** How often a replica tries to acquire or renew the Lease. */
  @WithDefault("2s")
  Duration retryPeriod();
}
