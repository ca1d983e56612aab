package dev.canarybot.service;

import dev.canarybot.release.ChangeWindows;
import dev.canarybot.release.Freeze;
import dev.canarybot.release.FreezeState;
import dev.canarybot.release.Nudge;
import dev.canarybot.release.ReleasePolicy;
import dev.canarybot.service.port.FreezeStore;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.DurationConverter;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * The policy in force: the change windows of the settings, parsed once at start (a mistake
 * stops the start with the right form), and the freezes, read from the cluster at every ask so
 * every replica enforces the same one.
 */
@ApplicationScoped
public class Policies {
  private final FreezeStore freezes;
  private final ChangeWindows windows;
  private final boolean windowsBlockStart;
  private final Nudge.Rules nudges;
  private final boolean deadlineRollsBack;

  @Inject
  public Policies(FreezeStore freezes, CanaryConfig config) {
    this.freezes = freezes;
    this.windows = ChangeWindows.parse(config.windows(), "canary.windows");
    this.windowsBlockStart = config.windowsBlockStart();
    this.nudges = new Nudge.Rules(config.remindAfter(), config.remindEvery(), deadline(config.stepDeadline()));
    this.deadlineRollsBack = switch (config.deadlineAction().trim()) {
      case "report" -> false;
      case "rollback" -> true;
      default -> throw new IllegalArgumentException("canary.deadline-action \"" + config.deadlineAction()
          + "\" is not an action; use report (tell the channel) or rollback (tell it and roll back)");
    };
  }

  private static Duration deadline(String text) {
    if (text.trim().equalsIgnoreCase("off")) {
      return null;
    }
    try {
      Duration d = DurationConverter.parseDuration(text.trim());
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("not positive");
      }
      return d;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("canary.step-deadline \"" + text
          + "\" is not a duration; use e.g. 24h or 90m, or off to never report a stuck step");
    }
  }

  /** Reminders and the step deadline, as set. */
  public Nudge.Rules nudges() {
    return nudges;
  }

  /** Whether a release past its step deadline is rolled back (else only reported). */
  public boolean deadlineRollsBack() {
    return deadlineRollsBack;
  }

  /** Creating the bean at start is what checks {@code canary.windows} before anything runs. */
  void check(@Observes @Priority(3) StartupEvent started) {
    windows.describe();
  }

  /** Reads the freezes now; throws when they cannot be read, which callers refuse on. */
  public ReleasePolicy now() {
    return new ReleasePolicy(freezes.read().state(), windows, windowsBlockStart);
  }

  public FreezeStore store() {
    return freezes;
  }

  public ChangeWindows windows() {
    return windows;
  }

  /** The freeze over {@code namespace}, for a card's banner; empty when none or unreadable. */
  public Optional<Freeze> freezeOf(String namespace) {
    try {
      return freezes.read().state().covering(namespace);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The freezes in force, for status and the Home tab. */
  public FreezeState freezes() {
    return freezes.read().state();
  }
}
