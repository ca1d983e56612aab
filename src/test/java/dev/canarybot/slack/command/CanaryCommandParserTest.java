package dev.canarybot.slack.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.release.CleanupMode;
import dev.canarybot.release.TestersMatch;
import dev.canarybot.slack.command.SlashCommand.Cleanup;
import dev.canarybot.slack.command.SlashCommand.Help;
import dev.canarybot.slack.command.SlashCommand.ListReleases;
import dev.canarybot.slack.command.SlashCommand.Pause;
import dev.canarybot.slack.command.SlashCommand.Promote;
import dev.canarybot.slack.command.SlashCommand.Resume;
import dev.canarybot.slack.command.SlashCommand.Rollback;
import dev.canarybot.slack.command.SlashCommand.Start;
import dev.canarybot.slack.command.SlashCommand.Status;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CanaryCommandParserTest {

  private static final List<Integer> DEFAULT_STEPS = List.of(10, 50, 100);

  static Stream<Arguments> validCommands() {
    return Stream.of(
        valid("", new Help(null)),
        valid("   \u00A0 ", new Help(null)),
        valid("help", new Help(null)),
        valid("help promote", new Help(Subcommand.PROMOTE)),
        valid("promote --help", new Help(Subcommand.PROMOTE)),
        valid("start api-vs -h", new Help(Subcommand.START)),
        valid("start api-vs", new Start("api-vs", null, null, null, null, null, true)),
        valid("Start api-vs", new Start("api-vs", null, null, null, null, null, true)),
        valid("start api-vs --testers x-canary=always", new Start("api-vs", null, null, null, null, null, true,
            List.of(), null, TestersMatch.parse("x-canary=always"))),
        valid("start api-vs --testers=x-user~^(alice|bob)$", new Start("api-vs", null, null, null, null, null,
            true, List.of(), null, TestersMatch.parse("x-user~^(alice|bob)$"))),
        valid("testers api-vs add x-canary=always -n shop",
            new SlashCommand.Testers("api-vs", "shop", TestersMatch.parse("x-canary=always"))),
        valid("testers api-vs remove", new SlashCommand.Testers("api-vs", null, null)),
        valid("start api-vs --capacity off", new Start("api-vs", null, null, null, null, null, true,
            dev.canarybot.release.CapacityMode.OFF)),
        valid("start api-vs -n shop --steps 5,25,100 --stable v1 --canary v2 --route primary"
                + " --no-auto-rollback",
            new Start("api-vs", "shop", List.of(5, 25, 100), "v1", "v2", "primary", false)),
        valid("start api-vs --namespace=shop --steps=10,50,100",
            new Start("api-vs", "shop", DEFAULT_STEPS, null, null, null, true)),
        valid("start api-vs --namespace shop",
            new Start("api-vs", "shop", null, null, null, null, true)),
        valid("start --steps 10,50,100 api-vs",
            new Start("api-vs", null, DEFAULT_STEPS, null, null, null, true)),
        valid("start api-vs —steps 10,50,100",
            new Start("api-vs", null, DEFAULT_STEPS, null, null, null, true)),
        valid("start api-vs —no-auto-rollback",
            new Start("api-vs", null, null, null, null, null, false)),
        valid("start\u00A0api-vs\u00A0–n\u00A0shop",
            new Start("api-vs", "shop", null, null, null, null, true)),
        valid("start api‐vs", new Start("api-vs", null, null, null, null, null, true)),
        valid("start api-vs --stable v1", new Start("api-vs", null, null, "v1", null, null, true)),
        valid("start api-vs --canary v2", new Start("api-vs", null, null, null, "v2", null, true)),
        valid("start api-vs --steps 10, 50, 100",
            new Start("api-vs", null, DEFAULT_STEPS, null, null, null, true)),
        valid("start api-vs --steps=“10, 50, 100”",
            new Start("api-vs", null, DEFAULT_STEPS, null, null, null, true)),
        valid("start api.vs.v1", new Start("api.vs.v1", null, null, null, null, null, true)),
        valid("start api-vs --check checkout-success",
            new Start("api-vs", null, null, null, null, null, true, List.of("checkout-success"))),
        valid("start api-vs --check checkout-success --check=queue-depth",
            new Start("api-vs", null, null, null, null, null, true, List.of("checkout-success", "queue-depth"))),
        valid("start api-vs --check checkout-success,queue-depth",
            new Start("api-vs", null, null, null, null, null, true, List.of("checkout-success", "queue-depth"))),
        valid("status", new Status(null, null)),
        valid("checks api-vs -n shop", new SlashCommand.Checks("api-vs", "shop")),
        valid("status api-vs -n shop", new Status("api-vs", "shop")),
        valid("list", new ListReleases(null)),
        valid("list -n shop", new ListReleases("shop")),
        valid("promote api-vs", new Promote("api-vs", null, 0, false)),
        valid("promote api-vs 50", new Promote("api-vs", null, 50, false)),
        valid("promote api-vs 50%", new Promote("api-vs", null, 50, false)),
        valid("promote api-vs 100 --force -n shop", new Promote("api-vs", "shop", 100, true)),
        valid("promote -n shop api-vs", new Promote("api-vs", "shop", 0, false)),
        valid("  promote   api-vs\t50  \n", new Promote("api-vs", null, 50, false)),
        valid("\u200Bpromote api-vs", new Promote("api-vs", null, 0, false)),
        valid("rollback api-vs", new Rollback("api-vs", null, null)),
        valid("rollback api-vs latency is too high -n shop",
            new Rollback("api-vs", "shop", "latency is too high")),
        valid("rollback api-vs “5xx on v2 -- bad”", new Rollback("api-vs", null, "5xx on v2 -- bad")),
        valid("rollback api-vs it’s broken", new Rollback("api-vs", null, "it's broken")),
        valid("rollback api-vs a &amp; b &lt;3", new Rollback("api-vs", null, "a & b <3")),
        valid("rollback api-vs \"\"", new Rollback("api-vs", null, null)),
        valid("pause api-vs", new Pause("api-vs", null)),
        valid("resume api-vs -n shop", new Resume("api-vs", "shop")),
        valid("cleanup api-vs", new Cleanup("api-vs", null, CleanupMode.SCALE_TO_ZERO, false)),
        valid("cleanup api-vs --delete --force",
            new Cleanup("api-vs", null, CleanupMode.DELETE, true)),
        valid("freeze", new SlashCommand.Freeze(null, null)),
        valid("freeze incident 4711 <!here>", new SlashCommand.Freeze(null, "incident 4711 <!here>")),
        valid("Freeze -n shop “db failover”", new SlashCommand.Freeze("shop", "db failover")),
        valid("unfreeze", new SlashCommand.Unfreeze(null)),
        valid("unfreeze --namespace shop", new SlashCommand.Unfreeze("shop")));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("validCommands")
  void parsesValidCommands(String text, SlashCommand expected) {
    assertThat(CanaryCommandParser.parse(text)).isEqualTo(expected);
  }

  static Stream<Arguments> invalidCommands() {
    return Stream.of(
        invalid("promot api-vs", "Did you mean `promote`?", Subcommand.PROMOTE),
        invalid("lsit", "Did you mean `list`?", Subcommand.LIST),
        invalid("statsu api-vs", "Did you mean `status`?", Subcommand.STATUS),
        invalid("pro api-vs", "Did you mean `promote`?", Subcommand.PROMOTE),
        invalid("frobnicate", "Unknown subcommand `frobnicate`.", null),
        invalid("\"start\" api-vs", "Unknown subcommand", Subcommand.START),
        invalid("start", "Missing name: say which VirtualService to start.", Subcommand.START),
        invalid("start api-vs --testers X-Canary=always", "Bad `--testers`: header name \"X-Canary\" is not",
            Subcommand.START),
        invalid("start api-vs --testers x-canary", "has no '=' or '~'; expected <header>=<value>",
            Subcommand.START),
        invalid("start api-vs --testers", "`--testers` needs a value", Subcommand.START),
        invalid("testers", "Missing name: say which release to change the testers of.", Subcommand.TESTERS),
        invalid("testers api-vs", "Missing `add` or `remove`: `/canary testers api-vs add x-canary=always`",
            Subcommand.TESTERS),
        invalid("testers api-vs put x=1", "Say `add` or `remove`, not `put`", Subcommand.TESTERS),
        invalid("testers api-vs add", "Missing the header condition: <header>=<value>", Subcommand.TESTERS),
        invalid("testers api-vs add uri=/admin", "reserved by Istio", Subcommand.TESTERS),
        invalid("testers api-vs remove x=1", "Unexpected word `x=1`", Subcommand.TESTERS),
        invalid("start api-vs --capacity sometimes", "use `--capacity off`", Subcommand.START),
        invalid("start API_VS", "is not a valid VirtualService name", Subcommand.START),
        invalid("start api-vs -n Shop", "not a valid namespace: it must be a DNS-1123 label",
            Subcommand.START),
        invalid("start api-vs -n shop.prod", "not a valid namespace", Subcommand.START),
        invalid("start api-vs --steps 10,5,100", "step 5 does not increase on 10",
            Subcommand.START),
        invalid("start api-vs --steps 10,50", "the last step is 50, not 100", Subcommand.START),
        invalid("start api-vs --steps ten", "is not a whole number", Subcommand.START),
        invalid("start api-vs --steps", "`--steps` needs a value", Subcommand.START),
        invalid("start api-vs --steps -n shop", "`--steps` needs a value", Subcommand.START),
        invalid("start api-vs --steps=", "`--steps` needs a value", Subcommand.START),
        invalid("start api-vs --force", "Unknown option `--force`.", Subcommand.START),
        invalid("start api-vs --check", "`--check` needs a value: `--check name`", Subcommand.START),
        invalid("start api-vs --check Checkout", "not a valid check name", Subcommand.START),
        invalid("start api-vs --check a,,b", "not a valid check name", Subcommand.START),
        invalid("start api-vs --check a --check a", "The check `a` is named twice", Subcommand.START),
        invalid("promote api-vs --check a", "Unknown option `--check`.", Subcommand.PROMOTE),
        invalid("checks", "Missing name: say which release to show the checks of.", Subcommand.CHECKS),
        invalid("start api-vs --stps 10,50,100", "Did you mean `--steps`?", Subcommand.START),
        invalid("start api-vs extra", "Unexpected word `extra` after `start`.", Subcommand.START),
        invalid("start api-vs -n a -n b", "`-n` is given more than once.", Subcommand.START),
        invalid("start api-vs -n a --namespace b", "`--namespace` is given more than once.",
            Subcommand.START),
        invalid("start api-vs --stable v1 --canary v1", "they must differ", Subcommand.START),
        invalid("start api-vs --stable V1", "not a valid stable subset name", Subcommand.START),
        invalid("promote", "Missing name: say which release to promote.", Subcommand.PROMOTE),
        invalid("promote api-vs 0", "The weight `0` is not a whole percentage from 1 to 100",
            Subcommand.PROMOTE),
        invalid("promote api-vs 101", "The weight `101`", Subcommand.PROMOTE),
        invalid("promote api-vs -5", "The weight `-5`", Subcommand.PROMOTE),
        invalid("promote api-vs fifty", "The weight `fifty`", Subcommand.PROMOTE),
        invalid("promote api-vs 50 60", "Unexpected word `60` after `promote`.",
            Subcommand.PROMOTE),
        invalid("promote api-vs --force=yes", "`--force` takes no value.", Subcommand.PROMOTE),
        invalid("promote api-vs --forse", "Did you mean `--force`?", Subcommand.PROMOTE),
        invalid("cleanup api-vs --delete --delete", "`--delete` is given more than once.",
            Subcommand.CLEANUP),
        invalid("cleanup", "say which release to clean up", Subcommand.CLEANUP),
        invalid("pause api-vs now", "Unexpected word `now` after `pause`.", Subcommand.PAUSE),
        invalid("resume api-vs --force", "Unknown option `--force`.", Subcommand.RESUME),
        invalid("list api-vs", "Unexpected word `api-vs` after `list`.", Subcommand.LIST),
        invalid("status a b", "Unexpected word `b` after `status`.", Subcommand.STATUS),
        invalid("rollback", "say which release to roll back", Subcommand.ROLLBACK),
        invalid("rollback api-vs --because", "Unknown option `--because`.", Subcommand.ROLLBACK),
        invalid("help nope", "There is no subcommand `nope`.", Subcommand.HELP),
        invalid("help promote start", "Unexpected word `start` after `help`.", Subcommand.HELP),
        invalid("rollback api-vs \"unclosed", "A quote (\") is not closed.", null),
        invalid("freeze --force now", "Unknown option `--force`.", Subcommand.FREEZE),
        invalid("freeze -n Shop", "namespace", Subcommand.FREEZE),
        invalid("unfreeze now", "Unexpected word `now` after `unfreeze`.", Subcommand.UNFREEZE),
        invalid("unfreez", "Did you mean `unfreeze`?", Subcommand.UNFREEZE));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("invalidCommands")
  void rejectsInvalidCommandsWithTheProblemAndTheUsage(String text, String problem,
      Subcommand usageOf) {
    ParseResult result = CanaryCommandParser.parse(text);

    assertThat(result).isInstanceOf(UsageError.class);
    UsageError error = (UsageError) result;
    assertThat(error.problem()).contains(problem);
    assertThat(error.usage())
        .isEqualTo(usageOf == null ? CanaryUsage.help() : CanaryUsage.usage(usageOf));
    assertThat(error.message()).startsWith(error.problem()).contains("Usage:");
  }

  @ParameterizedTest
  @MethodSource("longWords")
  void echoesLongWordsShortened(String command, String longWord) {
    UsageError error = (UsageError) CanaryCommandParser.parse(command + longWord);

    assertThat(error.problem()).doesNotContain(longWord).contains("…").hasSizeLessThan(300);
  }

  static Stream<Arguments> longWords() {
    return Stream.of(Arguments.of("", "x".repeat(5000)),
        Arguments.of("start ", "a".repeat(300)),
        Arguments.of("promote api-vs ", "9".repeat(80)));
  }

  @org.junit.jupiter.api.Test
  void backticksInEchoedWordsCannotBreakTheCodeSpan() {
    UsageError error = (UsageError) CanaryCommandParser.parse("promote api-vs 5`0");

    assertThat(error.problem()).contains("`5'0`");
  }

  private static Arguments valid(String text, SlashCommand expected) {
    return Arguments.of(text, expected);
  }

  private static Arguments invalid(String text, String problem, Subcommand usageOf) {
    return Arguments.of(text, problem, usageOf);
  }}
