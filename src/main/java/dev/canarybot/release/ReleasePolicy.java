package dev.canarybot.release;

import java.time.Instant;
import java.util.Optional;

/**
 * The rules above the state machine that people set for a time: freezes and change windows.
 * Pure; the use case asks it before each transition, so a command, a click and {@code --force}
 * meet the same rule.
 *
 * @param windowsBlockStart outside the windows starts are refused too ({@code
 *     canary.windows-block-start}); otherwise a start is allowed, 10 % being the safe state
 */
public record ReleasePolicy(FreezeState freezes, ChangeWindows windows, boolean windowsBlockStart) {

  /** The answer for one request: go on, go on and say what was overridden, or refuse. */
  public record Verdict(String refusal, String override) {
    static final Verdict ALLOWED = new Verdict(null, null);

    public boolean refused() {
      return refusal != null;
    }
  }

  /**
   * @param releaseWindows the release's own windows (its spec), or {@code null} for the setting's
   * @param force an approver's {@code --force}: it overrides a window, never a freeze
   */
  public Verdict check(Action action, String namespace, String name, ChangeWindows releaseWindows,
      boolean force, Instant now) {
    boolean frozenStops = action == Action.START || action == Action.PROMOTE
        || action == Action.CLEANUP || action == Action.RESUME;
    if (frozenStops) {
      Optional<Freeze> freeze = freezes.covering(namespace);
      if (freeze.isPresent()) {
        return new Verdict("cannot " + action.word() + " " + name + ": " + freeze.get().refusal(), null);
      }
    }
    ChangeWindows w = releaseWindows != null ? releaseWindows : windows;
    Optional<String> outside = w.refusal(now);
    if (outside.isEmpty()) {
      return Verdict.ALLOWED;
    }
    if (action == Action.PROMOTE) {
      return force
          ? new Verdict(null, "promoted by override " + outside.get())
          : new Verdict("cannot promote " + name + " now: " + outside.get()
              + ". An approver may override with `/canary promote " + name + " --force`", null);
    }
    if (action == Action.START && windowsBlockStart) {
      return new Verdict("cannot start " + name + " now: " + outside.get()
          + " (setting CANARY_WINDOWS_BLOCK_START)", null);
    }
    return Verdict.ALLOWED;
  }
}
