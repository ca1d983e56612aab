package dev.canarybot.slack.command;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The words after a subcommand, sorted into positional words and the options it allows. */
final class CommandArgs {

  private final List<String> positionals = new ArrayList<>();
  private final Map<Option, String> values = new EnumMap<>(Option.class);
  private final Set<Option> switches = EnumSet.noneOf(Option.class);

  private CommandArgs() {
  }

  /** Reads the words; unknown, repeated or valueless options are problems. */
  static CommandArgs read(List<Token> tokens, Set<Option> allowed) {
    CommandArgs args = new CommandArgs();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (!token.isOption()) {
        args.positionals.add(token.text());
        continue;
      }
      String text = token.text();
      int equals = text.indexOf('=');
      String name = equals >= 0 ? text.substring(0, equals) : text;
      Option option = Option.named(name).filter(allowed::contains)
          .orElseThrow(() -> unknownOption(name, allowed));
      boolean repeatable = option == Option.CHECK;
      if (!repeatable && (args.values.containsKey(option) || args.switches.contains(option))) {
        throw new UsageProblem(UsageProblem.shown(name) + " is given more than once.");
      }
      if (!option.takesValue()) {
        if (equals >= 0) {
          throw new UsageProblem(UsageProblem.shown(name) + " takes no value.");
        }
        args.switches.add(option);
        continue;
      }
      String value;
      if (equals >= 0) {
        value = text.substring(equals + 1);
      } else if (i + 1 < tokens.size() && !tokens.get(i + 1).isOption()) {
        value = tokens.get(++i).text();
      } else {
        throw new UsageProblem("`" + name + "` needs a value: `" + name + " "
            + option.valueHint + "`.");
      }
      if (option == Option.STEPS) {
        // "--steps 10, 50, 100": a trailing comma means the list goes on in the next word.
        while (value.endsWith(",") && i + 1 < tokens.size() && !tokens.get(i + 1).isOption()) {
          value = value + tokens.get(++i).text();
        }
      }
      if (value.isBlank()) {
        throw new UsageProblem("`" + name + "` needs a value: `" + name + " "
            + option.valueHint + "`.");
      }
      args.values.merge(option, value, (before, more) -> before + "," + more);
    }
    return args;
  }

  private static UsageProblem unknownOption(String name, Set<Option> allowed) {
    List<String> names = allowed.stream().map(o -> o.longName).collect(Collectors.toList());
    String hint = Suggestions.closest(name, names).map(s -> " Did you mean `" + s + "`?")
        .orElse(names.isEmpty() ? " This subcommand takes no options."
            : " It takes " + String.join(", ", names) + ".");
    return new UsageProblem("Unknown option " + UsageProblem.shown(name) + "." + hint);
  }

  List<String> positionals() {
    return positionals;
  }

  /** The option's value, or null when it was not given. */
  String value(Option option) {
    return values.get(option);
  }

  boolean has(Option option) {
    return switches.contains(option) || values.containsKey(option);
  }
}
