package dev.canarybot.slack;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once Slack accepted the bot token. Without a token the bot runs on purpose without
 * Slack (a dry run, the bench), so that is reported as a detail rather than as not ready.
 */
@Readiness
@ApplicationScoped
public class SlackReadiness implements HealthCheck {
  private final SlackSettings settings;
  private final SlackStartupCheck startup;

  public SlackReadiness(SlackSettings settings, SlackStartupCheck startup) {
    this.settings = settings;
    this.startup = startup;
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("slack");
    if (settings.botToken().isEmpty()) {
      return response.up().withData("auth", "not configured: SLACK_BOT_TOKEN is not set").build();
    }
    return startup.authenticated()
        ? response.up().withData("auth", "done").build()
        : response.down().withData("auth", "auth.test has not succeeded").build();
  }
}
