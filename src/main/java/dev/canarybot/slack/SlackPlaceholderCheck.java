package dev.canarybot.slack;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stops the start when a Slack variable holds a placeholder, before anything talks to Slack,
 * and whether or not {@code slack.check-at-startup} is on. The demo runs on its fixed fakes.
 */
@ApplicationScoped
public class SlackPlaceholderCheck {
  private final SlackSettings settings;
  private final boolean demo;

  /** Reads the demo's switch by name: slack/ may not depend on demo/. */
  public SlackPlaceholderCheck(SlackSettings settings,
      @ConfigProperty(name = "canary.demo.enabled", defaultValue = "false") boolean demo) {
    this.settings = settings;
    this.demo = demo;
  }

  void check(@Observes @Priority(2) StartupEvent started) {
    if (!demo) {
      SlackPlaceholders.refusal(settings).ifPresent(why -> {
        throw new IllegalStateException(why);
      });
    }
  }
}
