package dev.canarybot.slack.command;

import dev.canarybot.release.CapacityMode;
import dev.canarybot.release.CleanupMode;
import dev.canarybot.release.InvalidPlanException;
import dev.canarybot.release.ReleasePlan;
import dev.canarybot.release.TestersMatch;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the text after {@code /canary}. It checks form only — names, weights, steps — and
 * never throws: a mistake becomes a {@link UsageError} that names it and shows the usage.
 */
public final class CanaryCommandParser {

  private static final List<String> WORDS =
      Arrays.stream(Subcommand.values()).map(Subcommand::word).collect(Collectors.toList());

  private CanaryCommandParser() {
  }

  public static ParseResult parse(String text) {
    List<Token> tokens;
    try {
      tokens = CommandTokenizer.tokenize(CommandText.normalize(text));
    } catch (UsageProblem problem) {
      return new UsageError(problem.getMessage(), CanaryUsage.help());
    }
    if (tokens.isEmpty()) {
      return new SlashCommand.Help(null);
    }
    String word = tokens.get(0).text();
    Subcommand subcommand = Subcommand.of(word).orElse(null);
    if (subcommand == null || tokens.get(0).quoted()) {
      return unknownSubcommand(word);
    }
    List<Token> rest = tokens.subList(1, tokens.size());
    if (asksForHelp(rest)) {
      return new SlashCommand.Help(subcommand);
    }
    try {
      return parse(subcommand, rest);
    } catch (UsageProblem problem) {
      return new UsageError(problem.getMessage(), CanaryUsage.usage(subcommand));
    }
  }

  /** "/canary promote --help" is a question, not a mistake, wherever the flag stands. */
  private static boolean asksForHelp(List<Token> tokens) {
    return tokens.stream().anyMatch(t -> t.isOption()
        && (t.text().equals("--help") || t.text().equals("-h")));
  }

  private static UsageError unknownSubcommand(String word) {
    String unknown = "Unknown subcommand " + UsageProblem.shown(word) + ".";
    return Suggestions.closest(word, WORDS)
        .map(guess -> new UsageError(unknown + " Did you mean `" + guess + "`?",
            CanaryUsage.usage(Subcommand.of(guess).orElseThrow())))
        .orElseGet(() -> new UsageError(unknown, CanaryUsage.help()));
  }

  private static SlashCommand parse(Subcommand subcommand, List<Token> tokens) {
    switch (subcommand) {
      case HELP:
        return help(tokens);
      case START:
        return start(tokens);
      case STATUS:
        return status(tokens);
      case LIST:
        return list(tokens);
      case PROMOTE:
        return promote(tokens);
      case ROLLBACK:
        return rollback(tokens);
      case PAUSE:
        return pause(tokens);
      case RESUME:
        return resume(tokens);
      case CLEANUP:
        return cleanup(tokens);
      case FREEZE:
        return freeze(tokens);
      case UNFREEZE:
        return unfreeze(tokens);
      case CHECKS:
        return checksOf(tokens);
      case TESTERS:
        return testers(tokens);
      default:
        throw new IllegalStateException("no parser for " + subcommand);
    }
  }

  private static SlashCommand help(List<Token> tokens) {
    CommandArgs args = CommandArgs.read(tokens, EnumSet.noneOf(Option.class));
    List<String> words = args.positionals();
    noMoreThan(1, words, "help");
    if (words.isEmpty()) {
      return new SlashCommand.Help(null);
    }
    return new SlashCommand.Help(Subcommand.of(words.get(0)).orElseThrow(() ->
        new UsageProblem("There is no subcommand " + UsageProblem.shown(words.get(0))
            + Suggestions.closest(words.get(0), WORDS).map(s -> "; did you mean `" + s + "`?")
                .orElse("."))));
  }

  private static SlashCommand start(List<Token> tokens) {
    CommandArgs args = read(tokens, Option.NAMESPACE, Option.STEPS, Option.STABLE,
        Option.CANARY, Option.ROUTE, Option.NO_AUTO_ROLLBACK, Option.CHECK, Option.CAPACITY,
        Option.TESTERS);
    String virtualService = KubernetesNames.objectName("VirtualService name",
        required(args, "VirtualService", "start"));
    noMoreThan(1, args.positionals(), "start");
    String stable = subset(args, Option.STABLE);
    String canary = subset(args, Option.CANARY);
    if (stable != null && stable.equals(canary)) {
      throw new UsageProblem("The stable and the canary subset are both "
          + UsageProblem.shown(stable) + "; they must differ.");
    }
    String route = args.value(Option.ROUTE);
    return new SlashCommand.Start(virtualService, namespace(args), steps(args), stable, canary,
        route, !args.has(Option.NO_AUTO_ROLLBACK), checks(args), capacity(args),
        testersMatch(args.value(Option.TESTERS), "Bad `--testers`: "));
  }

  private static TestersMatch testersMatch(String value, String what) {
    if (value == null) {
      return null;
    }
    try {
      return TestersMatch.parse(value);
    } catch (IllegalArgumentException e) {
      throw new UsageProblem(what + e.getMessage() + ".");
    }
  }

  /** "testers api-vs add x-canary=always" or "testers api-vs remove". */
  private static SlashCommand testers(List<Token> tokens) {
    CommandArgs args = read(tokens, Option.NAMESPACE);
    String name = releaseName(args, "change the testers of");
    List<String> words = args.positionals();
    String verb = words.size() > 1 ? words.get(1) : null;
    if ("remove".equalsIgnoreCase(verb)) {
      noMoreThan(2, words, "testers " + name + " remove");
      return new SlashCommand.Testers(name, namespace(args), null);
    }
    if (!"add".equalsIgnoreCase(verb)) {
      throw new UsageProblem((verb == null ? "Missing `add` or `remove`"
          : "Say `add` or `remove`, not " + UsageProblem.shown(verb))
          + ": `/canary testers " + name + " add x-canary=always` or `/canary testers " + name + " remove`.");
    }
    if (words.size() < 3) {
      throw new UsageProblem("Missing the header condition: " + TestersMatch.FORM + ".");
    }
    noMoreThan(3, words, "testers " + name + " add");
    return new SlashCommand.Testers(name, namespace(args), testersMatch(words.get(2), "Bad header condition: "));
  }

  private static CapacityMode capacity(CommandArgs args) {
    String value = args.value(Option.CAPACITY);
    if (value == null) {
      return null;
    }
    return CapacityMode.of(value).orElseThrow(() -> new UsageProblem("Bad `--capacity`: "
        + UsageProblem.shown(value) + " is not a capacity mode; use `--capacity off` (canary-bot "
        + "leaves the canary's replicas alone) or `--capacity match-weight` (it scales them with the weight)."));
  }

  private static SlashCommand status(List<Token> tokens) {
    CommandArgs args = read(tokens, Option.NAMESPACE);
    noMoreThan(1, args.positionals(), "status");
    String name = args.positionals().isEmpty() ? null
        : KubernetesNames.objectName("release name", args.positionals().get(0));
    return new SlashCommand.Status(name, namespace(args));
  }

  private static SlashCommand list(List<Token> tokens) {
    CommandArgs args = read(tokens, Option.NAMESPACE);
    noMoreThan(0, args.positionals(), "list");
    return new SlashCommand.ListReleases(namespace(args));
  }

  private static SlashCommand promote(List<Token> tokens) {
    CommandArgs args = read(tokens, Option.NAMESPACE, Option.FORCE);
    String name = releaseName(args, "promote");
    noMoreThan(2, args.positionals(), "promote");
    int weight = args.positionals().size() == 2 ? weight(args.positionals().get(1)) : 0;
    return new SlashCommand.Promote(name, namespace(args), weight, args.has(Option.FORCE));
  }

  private static SlashCommand rollback(List<Token> tokens) {
    CommandArgs args = read(tokens, Option.NAMESPACE);
    String name = releaseName(args, "roll back");
    List<String> words = args.positionals().subList(1, args.positionals().size());
    String reason = words.isEmpty() ? null : String.join(" ", words).trim();
    return new SlashCommand.Rollback(name, namespace(args),
        reason == null || reason.isEmpty() ? null : reason);
  }

  private static SlashCommand pause(List<Token> tokens) {
    CommandArgs args = read(tokens, Option.NAMESPACE);
    String name = releaseName(args, "pause");
    noMoreThan(1, args.positionals(), "pause");
    return new SlashCommand.Pause(name, namespace(args));
  }

  private static SlashCommand resume(List<Token> tokens) {
    CommandArgs args = read(tokens, Option.NAMESPACE);
    String name = releaseName(args, "resume");
    noMoreThan(1, args.positionals(), "resume");
    return new SlashCommand.Resume(name, namespace(args));
  }

  private static SlashCommand cleanup(List<Token> tokens) {
    CommandArgs args = read(tokens, Option.NAMESPACE, Option.DELETE, Option.FORCE);
    String name = releaseName(args, "clean up");
    noMoreThan(1, args.positionals(), "cleanup");
    CleanupMode mode = args.has(Option.DELETE) ? CleanupMode.DELETE : CleanupMode.SCALE_TO_ZERO;
    return new SlashCommand.Cleanup(name, namespace(args), mode, args.has(Option.FORCE));
  }

  private static SlashCommand freeze(List<Token> tokens) {
    CommandArgs args = read(tokens, Option.NAMESPACE);
    String reason = String.join(" ", args.positionals()).trim();
    return new SlashCommand.Freeze(namespace(args), reason.isEmpty() ? null : reason);
  }

  private static SlashCommand unfreeze(List<Token> tokens) {
    CommandArgs args = read(tokens, Option.NAMESPACE);
    noMoreThan(0, args.positionals(), "unfreeze");
    return new SlashCommand.Unfreeze(namespace(args));
  }

  private static SlashCommand checksOf(List<Token> tokens) {
    CommandArgs args = read(tokens, Option.NAMESPACE);
    String name = releaseName(args, "show the checks of");
    noMoreThan(1, args.positionals(), "checks");
    return new SlashCommand.Checks(name, namespace(args));
  }

  private static CommandArgs read(List<Token> tokens, Option first, Option... rest) {
    return CommandArgs.read(tokens, EnumSet.of(first, rest));
  }

  private static String releaseName(CommandArgs args, String verb) {
    return KubernetesNames.objectName("release name",
        required(args, "release", verb));
  }

  private static String required(CommandArgs args, String noun, String verb) {
    if (args.positionals().isEmpty()) {
      throw new UsageProblem("Missing name: say which " + noun + " to " + verb + ".");
    }
    return args.positionals().get(0);
  }

  private static void noMoreThan(int count, List<String> words, String subcommand) {
    if (words.size() > count) {
      List<String> extra = words.subList(count, words.size());
      throw new UsageProblem("Unexpected " + (extra.size() == 1 ? "word " : "words ")
          + UsageProblem.shown(String.join(" ", extra)) + " after `" + subcommand + "`.");
    }
  }

  private static String namespace(CommandArgs args) {
    String namespace = args.value(Option.NAMESPACE);
    return namespace == null ? null : KubernetesNames.label("namespace", namespace);
  }

  private static String subset(CommandArgs args, Option option) {
    String subset = args.value(option);
    return subset == null ? null : KubernetesNames.label(option.longName.substring(2)
        + " subset name", subset);
  }

  private static List<Integer> steps(CommandArgs args) {
    String steps = args.value(Option.STEPS);
    if (steps == null) {
      return null;
    }
    try {
      return ReleasePlan.parse(steps, ReleasePlan.DEFAULT_CLEANUP_AFTER).steps();
    } catch (InvalidPlanException e) {
      throw new UsageProblem("Bad `--steps`: " + e.getMessage() + ".");
    }
  }

  /** "--check a --check b" or "--check a,b": each a DNS label, each once. */
  private static List<String> checks(CommandArgs args) {
    String value = args.value(Option.CHECK);
    if (value == null) {
      return List.of();
    }
    List<String> names = new java.util.ArrayList<>();
    for (String word : value.split(",", -1)) {
      String name = KubernetesNames.label("check name", word.trim());
      if (names.contains(name)) {
        throw new UsageProblem("The check " + UsageProblem.shown(name)
            + " is named twice; name each check once (`--check a --check b` or `--check a,b`).");
      }
      names.add(name);
    }
    return names;
  }

  /** "50" or "50%": the canary weight to promote to. */
  private static int weight(String word) {
    String digits = word.endsWith("%") ? word.substring(0, word.length() - 1) : word;
    if (!digits.matches("[0-9]{1,3}") || Integer.parseInt(digits) < 1
        || Integer.parseInt(digits) > 100) {
      throw new UsageProblem("The weight " + UsageProblem.shown(word)
          + " is not a whole percentage from 1 to 100 (for example `50` or `50%`).");
    }
    return Integer.parseInt(digits);
  }
}
