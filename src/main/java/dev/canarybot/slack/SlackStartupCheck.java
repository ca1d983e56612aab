package dev.canarybot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.auth.AuthTestResponse;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Asks Slack who the bot is before anything else, so a wrong token stops the start with a
 * clear message instead of failing the first command an SRE types during an incident. Before
 * that, a bot that would take Slack's requests over HTTP without a usable signing secret does
 * not start at all ({@link SigningSecretPolicy}).
 */
@ApplicationScoped
public class SlackStartupCheck {
  private static final Logger LOG = Logger.getLogger(SlackStartupCheck.class);
  private final SlackSettings settings;
  private final MethodsClient methods;
  private final boolean demo;
  private volatile boolean authenticated;
  private volatile String workspaceUrl;

  public SlackStartupCheck(SlackSettings settings, MethodsClient methods,
      @ConfigProperty(name = "canary.demo.enabled", defaultValue = "false") boolean demo) {
    this.settings = settings;
    this.methods = methods;
    this.demo = demo;
  }

  void check(@Observes StartupEvent started) {
    SigningSecretPolicy.Outcome edge = SigningSecretPolicy.decide(settings, demo);
    if (edge instanceof SigningSecretPolicy.Refuse refuse) {
      throw new IllegalStateException(refuse.why());
    }
    if (edge instanceof SigningSecretPolicy.Closed closed) {
      // Said once, here: the refusals themselves are logged at debug only.
      if (settings.appToken().isPresent()) {
        LOG.info(closed.why());
      } else {
        LOG.warn(closed.why());
      }
    }
    if (settings.checkAtStartup()) {
      verify();
    }
  }

  /** Asks Slack who the bot is; throws when the token is refused or Slack cannot be reached. */
  public void verify() {
    if (settings.botToken().isEmpty()) {
      LOG.warn("SLACK_BOT_TOKEN is not set: canary-bot will post nothing to Slack");
      return;
    }
    AuthTestResponse r;
    try {
      r = methods.authTest(a -> a);
    } catch (IOException | com.slack.api.methods.SlackApiException e) {
      throw new IllegalStateException("cannot reach the Slack Web API at "
          + settings.apiUrl().orElse("https://slack.com/api/") + " to check SLACK_BOT_TOKEN: "
          + e.getMessage() + " (set SLACK_API_URL if Slack is reached through a proxy)", e);
    }
    if (!r.isOk()) {
      throw new IllegalStateException("Slack refused SLACK_BOT_TOKEN (auth.test: " + r.getError()
          + "). Use the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page.");
    }
    authenticated = true;
    workspaceUrl = r.getUrl();
    LOG.infof("Slack: signed in as bot %s in team %s", r.getUserId(), r.getTeam());
  }

  /** "https://acme.slack.com/", for links to messages; null before auth.test. */
  public String workspaceUrl() {
    return workspaceUrl;
  }

  /** True once Slack accepted the bot token. */
  public boolean authenticated() {
    return authenticated;
  }
}
