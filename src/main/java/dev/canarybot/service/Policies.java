package dev.canarybot.service;

import dev.canarybot.release.ChangeWindows;
import dev.canarybot.release.Freeze;
import dev.canarybot.release.FreezeState;
import dev.canarybot.release.ReleasePolicy;
import dev.canarybot.service.port.FreezeStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
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

  @Inject
  public Policies(FreezeStore freezes, CanaryConfig config) {
    this.freezes = freezes;
    this.windows = ChangeWindows.parse(config.windows(), "canary.windows");
    this.windowsBlockStart = config.windowsBlockStart();
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
