package dev.canarybot.slack.command;

import dev.canarybot.release.CapacityMode;
import dev.canarybot.release.CleanupMode;
import dev.canarybot.release.TestersMatch;
import java.util.List;

/**
 * A {@code /canary} command as typed, checked for form only (names, weights, steps). A null
 * namespace means "not given": the caller applies the configured default.
 */
public sealed interface SlashCommand extends ParseResult {

  Subcommand subcommand();

  /** The namespace typed with {@code -n}, or null. */
  String namespace();

  /** {@code topic} is the subcommand asked about, or null for the whole help. */
  record Help(Subcommand topic) implements SlashCommand {
    public Subcommand subcommand() { return Subcommand.HELP; }

    public String namespace() { return null; }
  }

  /**
   * {@code steps}, {@code stableSubset}, {@code canarySubset} and {@code route} are null when not
   * given; the target resolver then finds them on the VirtualService. {@code checks} names
   * configured custom checks, none when empty. {@code capacity} is null when not given: the
   * setting {@code canary.capacity} applies. {@code testers} is null without {@code --testers}.
   */
  record Start(String virtualService, String namespace, List<Integer> steps, String stableSubset,
      String canarySubset, String route, boolean autoRollback, List<String> checks,
      CapacityMode capacity, TestersMatch testers) implements SlashCommand {
    public Start {
      steps = steps == null ? null : List.copyOf(steps);
      checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** A start without testers. */
    public Start(String virtualService, String namespace, List<Integer> steps, String stableSubset,
        String canarySubset, String route, boolean autoRollback, List<String> checks, CapacityMode capacity) {
      this(virtualService, namespace, steps, stableSubset, canarySubset, route, autoRollback, checks,
          capacity, null);
    }

    /** A start without custom checks, with the configured capacity mode. */
    public Start(String virtualService, String namespace, List<Integer> steps, String stableSubset,
        String canarySubset, String route, boolean autoRollback) {
      this(virtualService, namespace, steps, stableSubset, canarySubset, route, autoRollback, List.of(), null);
    }

    /** A start with the configured capacity mode. */
    public Start(String virtualService, String namespace, List<Integer> steps, String stableSubset,
        String canarySubset, String route, boolean autoRollback, List<String> checks) {
      this(virtualService, namespace, steps, stableSubset, canarySubset, route, autoRollback, checks, null);
    }

    /** A start without custom checks. */
    public Start(String virtualService, String namespace, List<Integer> steps, String stableSubset,
        String canarySubset, String route, boolean autoRollback, CapacityMode capacity) {
      this(virtualService, namespace, steps, stableSubset, canarySubset, route, autoRollback, List.of(), capacity);
    }

    public Subcommand subcommand() { return Subcommand.START; }
  }

  /** {@code name} null asks for every release in the namespace. */
  record Status(String name, String namespace) implements SlashCommand {
    public Subcommand subcommand() { return Subcommand.STATUS; }
  }

  record ListReleases(String namespace) implements SlashCommand {
    public Subcommand subcommand() { return Subcommand.LIST; }
  }

  /** {@code weight} 0 means "the next step"; {@code force} asks to override failed gates. */
  record Promote(String name, String namespace, int weight, boolean force)
      implements SlashCommand {
    public Subcommand subcommand() { return Subcommand.PROMOTE; }
  }

  /** {@code reason} is null when none was given. */
  record Rollback(String name, String namespace, String reason) implements SlashCommand {
    public Subcommand subcommand() { return Subcommand.ROLLBACK; }
  }

  record Pause(String name, String namespace) implements SlashCommand {
    public Subcommand subcommand() { return Subcommand.PAUSE; }
  }

  record Resume(String name, String namespace) implements SlashCommand {
    public Subcommand subcommand() { return Subcommand.RESUME; }
  }

  /**
   * Stop the line: {@code namespace} null freezes every managed namespace; {@code reason} is
   * null when none was given.
   */
  record Freeze(String namespace, String reason) implements SlashCommand {
    public Subcommand subcommand() { return Subcommand.FREEZE; }
  }

  /** Lift the freeze of {@code namespace}, or every freeze when it is null. */
  record Unfreeze(String namespace) implements SlashCommand {
    public Subcommand subcommand() { return Subcommand.UNFREEZE; }
  }

  /** The release's custom checks with their latest canary and stable values. */
  record Checks(String name, String namespace) implements SlashCommand {
    public Subcommand subcommand() { return Subcommand.CHECKS; }
  }

  /** Add the testers' route with {@code match}, or remove it ({@code match == null}). */
  record Testers(String name, String namespace, TestersMatch match) implements SlashCommand {
    public Subcommand subcommand() { return Subcommand.TESTERS; }
  }

  /** {@code force} skips the wait at 100 %. */
  record Cleanup(String name, String namespace, CleanupMode mode, boolean force)
      implements SlashCommand {
    public Subcommand subcommand() { return Subcommand.CLEANUP; }
  }
}
