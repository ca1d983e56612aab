package dev.canarybot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.methods.MethodsClient;
import dev.canarybot.slack.inbound.SlackHandlers;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the Slack client and the Bolt app from {@link SlackSettings}. */
public class SlackClients {

  @Produces
  @Singleton
  Slack slack(SlackSettings settings) {
    SlackConfig config = new SlackConfig();
    settings.apiUrl().map(SlackClients::withSlash).ifPresent(config::setMethodsEndpointUrlPrefix);
    // Response bodies can carry message text; keep them out of logs.
    config.setPrettyResponseLoggingEnabled(false);
    config.setHttpClientCallTimeoutMillis(10_000);
    return Slack.getInstance(config);
  }

  @Produces
  @Singleton
  MethodsClient methods(Slack slack, SlackSettings settings) {
    return slack.methods(settings.botToken().orElse(null));
  }

  @Produces
  @Singleton
  App app(Slack slack, SlackSettings settings, SlackHandlers handlers) {
    AppConfig.AppConfigBuilder config = AppConfig.builder().slack(slack);
    settings.botToken().ifPresent(config::singleTeamBotToken);
    // Verification stays on: without a secret every HTTP request is refused, never trusted.
    config.signingSecret(settings.signingSecret().orElse(""));
    App app = new App(config.build());
    handlers.register(app);
    return app;
  }

  static String withSlash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }
}
