package dev.canarybot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.methods.MethodsClient;
import dev.canarybot.slack.inbound.SlackHandlers;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
  App app(Slack slack, SlackSettings settings, SlackHandlers handlers,
      @ConfigProperty(name = "canary.demo.enabled", defaultValue = "false") boolean demo) {
    AppConfig.AppConfigBuilder config = AppConfig.builder().slack(slack);
    settings.botToken().ifPresent(config::singleTeamBotToken);
    // Bolt's own verification stays on behind SlackEventsResource's, but never with an empty
    // secret: Bolt 1.51 (App.buildDefaultMiddlewareList) would verify with the fixed key "---".
    // Without a usable secret it gets a random one nobody knows; Socket Mode is not affected,
    // because RequestVerification passes every request with isSocketMode() unchecked.
    config.signingSecret(SigningSecretPolicy.decide(settings, demo) instanceof SigningSecretPolicy.Verify v
        ? v.secret() : unguessable());
    App app = new App(config.build());
    handlers.register(app);
    return app;
  }

  private static String unguessable() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return HexFormat.of().formatHex(key);
  }

  static String withSlash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }
}
