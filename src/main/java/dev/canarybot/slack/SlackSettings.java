package dev.canarybot.slack;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How the bot reaches Slack ({@code slack.*}, or the {@code SLACK_*} environment variables). */
@ConfigMapping(prefix = "slack")
public interface SlackSettings {

  /** Bot token ({@code xoxb-…}); without it the bot posts nothing. */
  Optional<String> botToken();

  /**
   * Signing secret that every HTTP request from Slack is verified with. Unset or a placeholder,
   * {@code /slack/events} refuses everything, and HTTP mode (a bot token, no app token) does not start.
   */
  Optional<String> signingSecret();

  /** App-level token ({@code xapp-…}); when set, Socket Mode is used instead of HTTP. */
  Optional<String> appToken();

  /** Base of the Slack Web API, ending in {@code /api/}; tests and the demo point it elsewhere. */
  Optional<String> apiUrl();

  /**
   * Whether the bot token is checked (auth.test) while the app starts. The demo turns it off
   * and checks once its own HTTP server, which serves the stand-in Web API, is listening.
   */
  @WithDefault("true")
  boolean checkAtStartup();

  /** How long user-group members are cached ({@code usergroups.users.list} is rate-limited). */
  @WithDefault("5m")
  Duration groupCacheTtl();

  /**
   * How long a permission check waits for a user-group lookup before it goes on with the
   * members last read (none, for a group never read).
   */
  @WithDefault("15s")
  Duration groupLookupWait();

  /** After a failed user-group lookup, how long the members last read are used before Slack is asked again. */
  @WithDefault("30s")
  Duration groupRetryWait();

  /**
   * Most summaries (thread numbers and charts) one channel's lane holds while Slack pushes back;
   * beyond it the oldest is dropped, of the same release first. Nothing else is ever dropped.
   */
  @WithDefault("10")
  int summaryBacklog();

  /** First wait before retrying a failed Slack call; it doubles up to {@code retry-max-wait}. */
  @WithDefault("1s")
  Duration retryFirstWait();

  /** Longest wait between two tries of one Slack call. */
  @WithDefault("30s")
  Duration retryMaxWait();

  /** Tries of one call before it is given up (about ten minutes with the default waits). */
  @WithDefault("25")
  int retryAttempts();
}
