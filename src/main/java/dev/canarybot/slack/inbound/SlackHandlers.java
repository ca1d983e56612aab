package dev.canarybot.slack.inbound;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.canarybot.slack.view.CardAction;
import dev.canarybot.slack.view.DashboardLinks;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;

/** The one place that says which Slack requests the bot answers (and the manifest declares). */
@ApplicationScoped
public class SlackHandlers {
  /** The slash command, as registered here and declared in slack-app-manifest.yml. */
  public static final String COMMAND = "/canary";

  private final CommandHandler commands;
  private final ClickHandler clicks;
  private final HomeTab home;

  public SlackHandlers(CommandHandler commands, ClickHandler clicks, HomeTab home) {
    this.commands = commands;
    this.clicks = clicks;
    this.home = home;
  }

  public void register(App app) {
    app.command(COMMAND, commands::handle);
    for (CardAction.Kind kind : CardAction.Kind.values()) {
      app.blockAction(kind.actionId(), clicks::handle);
    }
    // A link button opens its URL in the browser, and Slack still sends the click: it is
    // acknowledged (else Slack marks the button failed) and changes nothing.
    app.blockAction(Pattern.compile("^" + Pattern.quote(DashboardLinks.ACTION_PREFIX) + ".*"),
        (request, ctx) -> ctx.ack());
    app.event(AppHomeOpenedEvent.class, home::opened);
  }
}
