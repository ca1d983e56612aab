package dev.canarybot.service;

import dev.canarybot.release.CapacityMode;
import dev.canarybot.release.RollbackCapacity;
import dev.canarybot.service.port.Analysis;
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

  /**
   * Whether the canary's replicas follow its weight ({@code match-weight}: scaled and ready
   * before each move) or are left alone ({@code off}); a start may say {@code --capacity off}.
   */
  @WithDefault("match-weight")
  CapacityMode capacity();

  /** How long a move waits for the canary's replicas to be ready before the release pauses. */
  @WithDefault("10m")
  Duration capacityTimeout();

  /** The canary's replicas after a rollback: {@code start} (as at start), {@code zero} or {@code keep}. */
  @WithDefault("start")
  RollbackCapacity rollbackCapacity();

  /** The person who started a release may not take it to 100 % alone. */
  @WithDefault("false")
  boolean secondApprover();

  /** The scheduled analysis ({@code canary.analysis.*}). */
  Analysis analysis();

  /** The scheduled summaries in each card's thread ({@code canary.summary.*}). */
  Summary summary();

  /** Alerts in the channel ({@code canary.alert.*}). */
  Alert alert();

  interface Analysis {
    /** How often every watched canary is analyzed: a duration such as {@code 30s}, or {@code off}. */
    @WithDefault("30s")
    String interval();

    /** The window the numbers are taken over (PromQL range). */
    @WithDefault("5m")
    Duration window();

    /** Ticks without metrics before the channel is told that metrics are unavailable. */
    @WithDefault("3")
    int unavailableTicks();

    /** Whether promotion waits for the gates (enough data, thresholds, observation time). */
    @WithDefault("true")
    boolean gates();
  }

  interface Summary {
    /** How often the numbers are posted in each card's thread: a duration, or {@code off}. */
    @WithDefault("5m")
    String interval();
  }

  interface Alert {
    /**
     * Who an alert calls: {@code @here}, {@code @channel}, a user-group ID ({@code S…}), a user
     * ID ({@code U…}), or {@code none}.
     */
    @WithDefault("@here")
    String mention();
  }
}
