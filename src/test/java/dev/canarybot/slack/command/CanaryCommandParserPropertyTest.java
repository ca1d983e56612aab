package dev.canarybot.slack.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Properties over generated inputs. Plain JUnit with fixed seeds, so a failure names its seed
 * and input and reproduces exactly.
 */
class CanaryCommandParserPropertyTest {

  private static final int TRIES = 3_000;

  @Test
  void arbitraryTextNeverThrowsAndErrorsAlwaysShowTheUsage() {
    forAll(1L, CommandGenerators::anyText, this::answersWithoutThrowing);
  }

  @Test
  void grammarSoupNeverThrowsAndErrorsAlwaysShowTheUsage() {
    forAll(2L, CommandGenerators::grammarSoup, this::answersWithoutThrowing);
  }

  @Test
  void validCommandsSurviveFormattingAndParsing() {
    forAll(3L, CommandGenerators::validCommand, command ->
        assertThat(CanaryCommandParser.parse(SlashCommandFormatter.format(command)))
            .isEqualTo(command));
  }

  @Test
  void slackMangledSpacingAndDashesDoNotChangeTheCommand() {
    forAll(4L, random -> new Object[] {CommandGenerators.validCommand(random), random.nextLong()},
        pair -> {
          SlashCommand command = (SlashCommand) pair[0];
          String mangled = mangle(SlashCommandFormatter.format(command), new Random((Long) pair[1]));
          assertThat(CanaryCommandParser.parse(mangled)).as(mangled).isEqualTo(command);
        });
  }

  private void answersWithoutThrowing(String text) {
    ParseResult result = CanaryCommandParser.parse(text);

    assertThat(result).isNotNull();
    if (result instanceof UsageError) {
      assertThat(((UsageError) result).message()).contains("Usage:");
    }
  }

  /**
   * What Slack on a Mac does to a command: spaces become runs of (non-breaking) spaces, a
   * leading "--" becomes an em dash, the first word gets a capital.
   */
  private static String mangle(String text, Random random) {
    StringBuilder out = new StringBuilder();
    boolean inQuotes = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      inQuotes ^= c == '"';
      if (c == ' ' && !inQuotes) {
        out.append(random.nextBoolean() ? "\u00A0" : "  ");
      } else if (!inQuotes && c == '-' && text.startsWith("--", i)
          && (i == 0 || text.charAt(i - 1) == ' ') && random.nextBoolean()) {
        out.append('\u2014');
        i++;
      } else {
        out.append(c);
      }
    }
    String mangled = out.toString();
    return random.nextBoolean() ? mangled
        : Character.toUpperCase(mangled.charAt(0)) + mangled.substring(1);
  }

  private static <T> void forAll(long seed, Function<Random, T> generator,
      java.util.function.Consumer<T> property) {
    Random random = new Random(seed);
    for (int i = 0; i < TRIES; i++) {
      T input = generator.apply(random);
      try {
        property.accept(input);
      } catch (AssertionError | RuntimeException e) {
        String shown = input instanceof Object[] ? java.util.Arrays.toString((Object[]) input)
            : String.valueOf(input);
        throw new AssertionError("seed " + seed + ", try " + i + ", input: " + shown, e);
      }
    }
  }
}
