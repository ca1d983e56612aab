package dev.canarybot.service;

import dev.canarybot.release.CapacityMode;
import dev.canarybot.release.RollbackCapacity;
import dev.canarybot.release.ObservationPolicy;
import dev.canarybot.service.port.Analysis;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

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

  /** The two observation times as the policy the analysis and the card both judge by. */
  default ObservationPolicy observation() {
    return new ObservationPolicy(observeFirstStep(), observeLaterSteps());
  }

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

  /**
   * Change windows: the hours promotions are allowed, e.g. {@code Mon-Fri 09:00-17:00
   * Asia/Shanghai; Sat 10:00-12:00 Asia/Shanghai}; {@code always} means any time.
   */
  @WithDefault("always")
  String windows();

  /** Outside the change windows, starts are refused too (not only promotions). */
  @WithDefault("false")
  boolean windowsBlockStart();

  /** How long gates may have passed with nobody acting before the approvers are reminded. */
  @WithDefault("30m")
  Duration remindAfter();

  /** At most one reminder per release this often. */
  @WithDefault("2h")
  Duration remindEvery();

  /**
   * How long a release may sit at one step without passing its gates before the channel is
   * told what keeps blocking it: a duration, or {@code off}.
   */
  @WithDefault("24h")
  String stepDeadline();

  /** At the step deadline: {@code report} (say so) or {@code rollback} (say so and roll back). */
  @WithDefault("report")
  String deadlineAction();

  /** Where the freezes are stored ({@code canary.freeze.*}). */
  Freeze freeze();

  /** The scheduled analysis ({@code canary.analysis.*}). */
  Analysis analysis();

  /** The scheduled summaries in each card's thread ({@code canary.summary.*}). */
  Summary summary();

  /** Alerts in the channel ({@code canary.alert.*}). */
  Alert alert();

  /** Custom checks a release may name at start with {@code --check <name>} ({@code canary.checks.<name>.*}). */
  Map<String, Check> checks();

  /**
   * Dashboard links drawn as buttons on every card ({@code canary.links.<name>=<URL template>}),
   * with {@code {{namespace}}}, {@code {{service}}}, {@code {{virtualService}}},
   * {@code {{stableWorkload}}}, {@code {{canaryWorkload}}}, {@code {{version}}}, {@code {{since}}}
   * (the step's start in epoch ms) and {@code {{since_rfc3339}}}; a bad one stops the start.
   */
  Map<String, String> links();

  interface Check {
    /** PromQL with {@code {{namespace}}}, {@code {{service}}}, {@code {{version}}}, {@code {{workload}}}, {@code {{window}}}. */
    String query();

    /** The lowest healthy value (of canary ÷ stable when relative). */
    OptionalDouble min();

    /** The highest healthy value (of canary ÷ stable when relative). */
    OptionalDouble max();

    /** Whether min and max apply to canary ÷ stable rather than to the canary's value. */
    @WithDefault("false")
    boolean relativeToStable();

    /** What a breach does: {@code rollback}, {@code watch} or {@code gate} (block promotion only). */
    @WithDefault("gate")
    String onBreach();
  }

  interface Analysis {
    /** How often every watched canary is analyzed: a duration such as {@code 30s}, or {@code off}. */
    @WithDefault("30s")
    String interval();

    /**
     * The longest window the numbers are taken over (PromQL range); a step younger than that is
     * judged over its own time only, less one scrape interval.
     */
    @WithDefault("5m")
    Duration window();

    /**
     * The fresh span the rollback trigger also reads, so a sudden fault is not diluted by the
     * window's healthy minutes before it; not used while the window is this short already.
     */
    @WithDefault("1m")
    Duration recentWindow();

    /** Prometheus' scrape interval for the mesh's metrics: the grain of every window. */
    @WithDefault("15s")
    Duration scrapeInterval();

    /** Ticks without metrics before the channel is told that metrics are unavailable. */
    @WithDefault("3")
    int unavailableTicks();

    /** Whether promotion waits for the gates (enough data, thresholds, observation time). */
    @WithDefault("true")
    boolean gates();
  }

  interface Freeze {
    /** Namespace of the ConfigMap holding the freezes (the bot's own; the Deployment sets it). */
    @WithDefault("canary-bot")
    String namespace();

    /** Name of the ConfigMap holding the freezes and their history. */
    @WithDefault("canary-bot-freeze")
    String configMap();
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
