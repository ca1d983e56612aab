package dev.canarybot.slack.command;

import java.util.EnumMap;
import java.util.Map;

/** The usage line and a one-line description of each subcommand, and the full help (mrkdwn). */
public final class CanaryUsage {

  private static final Map<Subcommand, String> SYNOPSIS = new EnumMap<>(Subcommand.class);
  private static final Map<Subcommand, String> PURPOSE = new EnumMap<>(Subcommand.class);

  static {
    define(Subcommand.HELP, "/canary help [subcommand]", "Show this help, or one subcommand's.");
    define(Subcommand.START,
        "/canary start <virtualservice> [-n namespace] [--steps 10,50,100] "
            + "[--stable v1] [--canary v2] [--route name] [--no-auto-rollback] [--check name]… [--capacity off] "
            + "[--testers x-canary=always]",
        "Start a canary release on a VirtualService: the canary gets the first step's weight; "
            + "each --check names a configured custom check it is judged by; --capacity off leaves "
            + "the canary's replicas alone; --testers header=value (or header~regex) sends requests "
            + "with that header to the canary at any weight.");
    define(Subcommand.STATUS, "/canary status [name] [-n namespace]",
        "Show one release, or every release in the namespace.");
    define(Subcommand.LIST, "/canary list [-n namespace]", "List the releases in the namespace.");
    define(Subcommand.PROMOTE, "/canary promote <name> [weight] [--force] [-n namespace]",
        "Move to the next step, or to a later step's weight (50 or 50%); "
            + "--force overrides failed gates.");
    define(Subcommand.ROLLBACK, "/canary rollback <name> [reason…] [-n namespace]",
        "Send all traffic back to the stable version at once.");
    define(Subcommand.PAUSE, "/canary pause <name> [-n namespace]",
        "Stop automatic analysis and actions; the weights stay as they are.");
    define(Subcommand.RESUME, "/canary resume <name> [-n namespace]",
        "Carry on with a paused release.");
    define(Subcommand.CLEANUP, "/canary cleanup <name> [--delete] [--force] [-n namespace]",
        "Retire the old version: scale it to 0 (default) or delete it; "
            + "--force skips the wait at 100 %.");
    define(Subcommand.FREEZE, "/canary freeze [reason…] [-n namespace]",
        "Stop the line: pause every release (in every managed namespace, or one) and refuse "
            + "start, promote and cleanup until an approver unfreezes; rollback still works.");
    define(Subcommand.UNFREEZE, "/canary unfreeze [-n namespace]",
        "Approvers: lift the freeze and resume the releases it paused (not those a person paused).");
    define(Subcommand.TESTERS, "/canary testers <name> add <header=value | header~regex> | remove [-n namespace]",
        "Let testers reach the canary at any weight: a route before the weighted one sends requests "
            + "with that header (e.g. x-canary=always) to the canary; remove takes it away.");
    define(Subcommand.CHECKS, "/canary checks <name> [-n namespace]",
        "List the release's custom checks with their latest canary and stable values.");
  }

  private CanaryUsage() {
  }

  private static void define(Subcommand subcommand, String synopsis, String purpose) {
    SYNOPSIS.put(subcommand, synopsis);
    PURPOSE.put(subcommand, purpose);
  }

  /** "Usage: `/canary promote <name> …`" and what it does, for one subcommand. */
  public static String usage(Subcommand subcommand) {
    return "Usage: `" + SYNOPSIS.get(subcommand) + "`\n" + PURPOSE.get(subcommand);
  }

  /** Every subcommand's synopsis and purpose, for {@code /canary help}. */
  public static String help() {
    StringBuilder text = new StringBuilder("*Usage:* `/canary <subcommand> …`\n");
    for (Subcommand subcommand : Subcommand.values()) {
      text.append("• `").append(SYNOPSIS.get(subcommand)).append("`\n    ")
          .append(PURPOSE.get(subcommand)).append('\n');
    }
    text.append("`-n ns` is short for `--namespace ns`; without it the bot's default namespace "
        + "is used. Names are Kubernetes names: lowercase letters, digits and '-'.");
    return text.toString();
  }
}
