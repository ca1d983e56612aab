package dev.canarybot.slack.command;

import dev.canarybot.release.CleanupMode;
import dev.canarybot.release.TestersMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/** Random inputs for the parser's properties: noise, grammar soup, and valid commands. */
final class CommandGenerators {

  private static final String SPECIALS = "\u00A0\u2007\u202F\u200B\uFEFF\u2014\u2013\u2010\u2212"
      + "\u201C\u201D\u2018\u2019\"'`=%,.-_\t\n\r&;<>@#\\/*";

  private static final List<String> GRAMMAR = List.of("help", "start", "status", "list",
      "promote", "rollback", "pause", "resume", "cleanup", "checks", "promot", "Start", "LIST", "-n",
      "--namespace", "--namespace=shop", "--namespace=", "-n=", "--steps", "--steps=10,50,100",
      "--steps=", "10,50,100", "10,", "50,", "100", "5,5,100", "—steps", "–n", "—", "--",
      "-", "--stable", "--canary", "--route", "--no-auto-rollback", "--force", "--force=1",
      "--delete", "--check", "--check=a,b", "testers", "add", "remove", "--testers",
      "--testers=x-canary=always", "x-canary=always", "x-user~^(a|b)$", "X-Canary=1", "x-canary", "uri=/", "checkout-success", "-h", "--help", "freeze", "unfreeze", "unfreez", "api-vs", "API", "a..b", "shop", "v1", "v2", "0", "50",
      "50%", "%", "101", "-5", "\"", "“", "”", "\"a b\"", "&amp;", "&lt;", "x".repeat(70));

  private static final List<String> SEPARATORS = List.of(" ", " ", " ", "  ", "\u00A0", "\t", "");

  private CommandGenerators() {
  }

  /** Any characters at all, weighted towards the ones Slack and keyboards produce. */
  static String anyText(Random random) {
    int length = random.nextInt(80);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(4);
      if (kind == 0) {
        text.append((char) (32 + random.nextInt(95)));
      } else if (kind == 1) {
        text.append(SPECIALS.charAt(random.nextInt(SPECIALS.length())));
      } else if (kind == 2) {
        text.append((char) random.nextInt(Character.MAX_VALUE + 1));
      } else {
        text.append(' ');
      }
    }
    return text.toString();
  }

  /** The grammar's own words in random order, glued with odd separators. */
  static String grammarSoup(Random random) {
    int words = random.nextInt(9);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      text.append(pick(random, GRAMMAR)).append(pick(random, SEPARATORS));
    }
    return text.toString();
  }

  static SlashCommand validCommand(Random random) {
    switch (random.nextInt(14)) {
      case 0:
        return new SlashCommand.Help(random.nextBoolean() ? null
            : Subcommand.values()[random.nextInt(Subcommand.values().length)]);
      case 1:
        return new SlashCommand.Start(objectName(random), maybe(random, label(random)),
            random.nextBoolean() ? null : steps(random), maybe(random, "v1"),
            maybe(random, "v2-" + label(random)), maybe(random, words(random)),
            random.nextBoolean(), checks(random), null, random.nextBoolean() ? null : testers(random));
      case 12:
        return new SlashCommand.Testers(objectName(random), maybe(random, label(random)), testers(random));
      case 13:
        return new SlashCommand.Testers(objectName(random), maybe(random, label(random)), null);
      case 2:
        return new SlashCommand.Status(maybe(random, objectName(random)),
            maybe(random, label(random)));
      case 3:
        return new SlashCommand.ListReleases(maybe(random, label(random)));
      case 4:
        return new SlashCommand.Promote(objectName(random), maybe(random, label(random)),
            random.nextBoolean() ? 0 : 1 + random.nextInt(100), random.nextBoolean());
      case 5:
        return new SlashCommand.Rollback(objectName(random), maybe(random, label(random)),
            maybe(random, words(random)));
      case 6:
        return new SlashCommand.Pause(objectName(random), maybe(random, label(random)));
      case 7:
        return new SlashCommand.Resume(objectName(random), maybe(random, label(random)));
      case 8:
        return new SlashCommand.Freeze(maybe(random, label(random)), maybe(random, words(random)));
      case 9:
        return new SlashCommand.Unfreeze(maybe(random, label(random)));
      case 10:
        return new SlashCommand.Checks(objectName(random), maybe(random, label(random)));
      default:
        return new SlashCommand.Cleanup(objectName(random), maybe(random, label(random)),
            random.nextBoolean() ? CleanupMode.DELETE : CleanupMode.SCALE_TO_ZERO,
            random.nextBoolean());
    }
  }

  /** None, one or several distinct check names, as {@code --check} takes them. */
  static List<String> checks(Random random) {
    List<String> names = new java.util.ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      String name = label(random);
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  /** A header condition: a lowercase header name, an exact value or a regex. */
  static TestersMatch testers(Random random) {
    String header = "x-" + label(random);
    String value = pick(random, List.of("always", "1", "a=b", "v~2", "tester@example.com", "on;off"));
    return random.nextBoolean() ? new TestersMatch(header, TestersMatch.Kind.EXACT, value)
        : new TestersMatch(header, TestersMatch.Kind.REGEX, pick(random, List.of("^(alice|bob)$", ".*", "a+b?", "[0-9]{2}")));
  }

  /** A DNS-1123 label: lowercase letters and digits with inner dashes. */
  static String label(Random random) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    int length = 1 + random.nextInt(20);
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < length; i++) {
      boolean inner = i > 0 && i < length - 1;
      name.append(inner && random.nextInt(5) == 0 ? '-'
          : alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return name.toString();
  }

  private static String objectName(Random random) {
    return random.nextInt(4) == 0 ? label(random) + "." + label(random) : label(random);
  }

  /** Free text such as a reason: words that may start with a dash or hold '&' and quotes. */
  private static String words(Random random) {
    List<String> pool = List.of("latency", "too", "high", "-5", "5xx", "on", "v2", "&", "it's",
        "<3", "-n", "—", "x");
    List<String> words = new ArrayList<>();
    int count = 1 + random.nextInt(5);
    for (int i = 0; i < count; i++) {
      words.add(pick(random, pool));
    }
    return String.join(" ", words);
  }

  private static List<Integer> steps(Random random) {
    TreeSet<Integer> steps = new TreeSet<>();
    int count = random.nextInt(5);
    for (int i = 0; i < count; i++) {
      steps.add(1 + random.nextInt(99));
    }
    steps.add(100);
    return new ArrayList<>(steps);
  }

  private static String maybe(Random random, String value) {
    return random.nextBoolean() ? value : null;
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
