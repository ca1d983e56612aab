package dev.canarybot.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

  /**
   * How often every release's weights are re-applied and checked for drift: a duration such
   * as {@code 30s}, or {@code off}. Read by the scheduler as text for that reason.
   */
  @WithDefault("30s")
  String resyncInterval();

  /** Whether a new release rolls back on its own when an immediate trigger trips. */
  @WithDefault("true")
  boolean autoRollback();

  /** Time a canary must be observed at its first step before it may be promoted. */
  @WithDefault("30m")
  Duration observeFirstStep();

  /** Time a canary must be observed at each later step below 100 %. */
  @WithDefault("1h")
  Duration observeLaterSteps();

  /** Slack channel ID for cards and alerts when the command's own channel is not used. */
  Optional<String> channel();

  /** Slack user or user-group IDs that may start, pause, resume and roll back. */
  Optional<List<String>> operators();

  /** Slack user or user-group IDs that may also promote and clean up. */
  Optional<List<String>> approvers();

  /** Slack channel IDs the bot answers in; none means every channel it is in. */
  Optional<List<String>> channels();

  /** Namespaces the bot may act in; none means every namespace it can see. */
  Optional<List<String>> namespaces();

  /** The person who started a release may not take it to 100 % alone. */
  @WithDefault("false")
  boolean secondApprover();
}
