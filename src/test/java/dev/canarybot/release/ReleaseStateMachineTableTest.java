package dev.canarybot.release;

import static dev.canarybot.release.ReleaseFixtures.T0;
import static dev.canarybot.release.ReleaseFixtures.inPhase;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (phase, command) pair: either the phase it leads to, or the words its refusal must
 * contain. The clock is a day after the fixtures, so the cleanup wait is over.
 */
class ReleaseStateMachineTableTest {
  private static final Instant NOW = T0.plusSeconds(25 * 3600);

  static Stream<Arguments> table() {
    return Stream.of(
        // phase, command, expected phase or null, refusal text or null
        row(Phase.Progressing, "start", null, "already running"),
        row(Phase.Progressing, "promote", Phase.Progressing, null),
        row(Phase.Progressing, "rollback", Phase.RolledBack, null),
        row(Phase.Progressing, "pause", Phase.Paused, null),
        row(Phase.Progressing, "resume", null, "is not paused"),
        row(Phase.Progressing, "drift", Phase.Paused, null),
        row(Phase.Progressing, "complete", null, "it completes at 100 %"),
        row(Phase.Progressing, "cleanup", null, "only after the canary has 100 %"),
        row(Phase.Progressing, "fail", Phase.Failed, null),
        row(Phase.Progressing, "testers", Phase.Progressing, null),

        row(Phase.Paused, "start", null, "already running"),
        row(Phase.Paused, "promote", null, "resume it first"),
        row(Phase.Paused, "rollback", Phase.RolledBack, null),
        row(Phase.Paused, "pause", null, "already paused"),
        row(Phase.Paused, "resume", Phase.Progressing, null),
        row(Phase.Paused, "drift", null, "drift not acted on"),
        row(Phase.Paused, "complete", null, "cannot complete"),
        row(Phase.Paused, "cleanup", null, "cannot clean up"),
        row(Phase.Paused, "fail", Phase.Failed, null),
        row(Phase.Paused, "testers", Phase.Paused, null),

        row(Phase.Promoted, "start", null, "already running"),
        row(Phase.Promoted, "promote", null, "already at 100 %"),
        row(Phase.Promoted, "rollback", Phase.RolledBack, null),
        row(Phase.Promoted, "pause", Phase.Paused, null),
        row(Phase.Promoted, "resume", null, "is not paused"),
        row(Phase.Promoted, "drift", Phase.Paused, null),
        row(Phase.Promoted, "complete", Phase.Completed, null),
        row(Phase.Promoted, "cleanup", Phase.CleanedUp, null),
        row(Phase.Promoted, "fail", Phase.Failed, null),
        row(Phase.Promoted, "testers", Phase.Promoted, null),

        row(Phase.Completed, "start", Phase.Progressing, null),
        row(Phase.Completed, "promote", null, "already at 100 %"),
        row(Phase.Completed, "rollback", Phase.RolledBack, null),
        row(Phase.Completed, "pause", null, "cannot pause"),
        row(Phase.Completed, "resume", null, "is not paused"),
        row(Phase.Completed, "drift", null, "drift not acted on"),
        row(Phase.Completed, "complete", null, "cannot complete"),
        row(Phase.Completed, "cleanup", Phase.CleanedUp, null),
        row(Phase.Completed, "fail", null, "already Completed"),
        row(Phase.Completed, "testers", null, "cannot change the testers of api-vs: it is Completed"),

        row(Phase.CleanedUp, "start", Phase.Progressing, null),
        row(Phase.CleanedUp, "promote", null, "is finished, cleaned up by carol"),
        row(Phase.CleanedUp, "rollback", null, "start a new release"),
        row(Phase.CleanedUp, "pause", null, "cannot pause"),
        row(Phase.CleanedUp, "resume", null, "is not paused"),
        row(Phase.CleanedUp, "drift", null, "drift not acted on"),
        row(Phase.CleanedUp, "complete", null, "cannot complete"),
        row(Phase.CleanedUp, "cleanup", null, "already cleaned up by carol"),
        // The fixture's cleanup is decided but not yet carried out: it may still fail (the bot
        // refuses to retire a Deployment the subset does not run). Once retired, it may not.
        row(Phase.CleanedUp, "fail", Phase.Failed, null),
        row(Phase.CleanedUp, "testers", null, "start a new release with `--testers`"),

        row(Phase.RolledBack, "start", Phase.Progressing, null),
        row(Phase.RolledBack, "promote", null, "cannot promote: canary was rolled back by alice at 10:02 UTC"),
        row(Phase.RolledBack, "rollback", null, "already rolled back by alice at 10:02 UTC"),
        row(Phase.RolledBack, "pause", null, "cannot pause"),
        row(Phase.RolledBack, "resume", null, "is not paused"),
        row(Phase.RolledBack, "drift", null, "drift not acted on"),
        row(Phase.RolledBack, "complete", null, "cannot complete"),
        row(Phase.RolledBack, "cleanup", null, "cannot clean up"),
        row(Phase.RolledBack, "fail", null, "already RolledBack"),
        row(Phase.RolledBack, "testers", null, "cannot change the testers"),

        row(Phase.Failed, "start", Phase.Progressing, null),
        row(Phase.Failed, "promote", null, "only rollback is offered"),
        row(Phase.Failed, "rollback", Phase.RolledBack, null),
        row(Phase.Failed, "pause", null, "cannot pause"),
        row(Phase.Failed, "resume", null, "is not paused"),
        row(Phase.Failed, "drift", null, "drift not acted on"),
        row(Phase.Failed, "complete", null, "cannot complete"),
        row(Phase.Failed, "cleanup", null, "cannot clean up"),
        row(Phase.Failed, "fail", null, "already Failed"),
        row(Phase.Failed, "testers", null, "cannot change the testers"));
  }

  private static Arguments row(Phase from, String command, Phase to, String refusal) {
    return Arguments.of(from, command, to, refusal);
  }

  static Command command(String name) {
    switch (name) {
      case "start": return ReleaseFixtures.start("dave");
      case "promote": return new Command.Promote("dave", 0, -1, null);
      case "rollback": return new Command.Rollback("dave", "latency", -1);
      case "pause": return new Command.Pause("dave", null);
      case "resume": return new Command.Resume("dave");
      case "drift": return new Command.MarkDrifted("canary-bot", 30, 70);
      case "complete": return new Command.Complete("dave");
      case "cleanup": return new Command.Cleanup("dave", CleanupMode.SCALE_TO_ZERO, false);
      case "fail": return new Command.Fail("canary-bot", "route gone");
      case "testers": return new Command.Testers("dave", TestersMatch.parse("x-canary=always"));
      default: throw new IllegalArgumentException(name);
    }
  }

  @ParameterizedTest(name = "{0} + {1} -> {2}{3}")
  @MethodSource("table")
  void everyPhaseAndCommand(Phase from, String commandName, Phase to, String refusal) {
    CanaryRelease before = inPhase(from);
    assertThat(before.phase()).isEqualTo(from);

    Decision decision = ReleaseStateMachine.decide(before, command(commandName), NOW);

    if (to != null) {
      assertThat(decision).isInstanceOf(Decision.Accepted.class);
      Decision.Accepted accepted = (Decision.Accepted) decision;
      assertThat(accepted.release().phase()).isEqualTo(to);
      assertThat(accepted.entry().action().word()).isEqualTo(commandName);
      assertThat(accepted.release().status().history())
          .startsWith(before.status().history().toArray(HistoryEntry[]::new))
          .endsWith(accepted.entry());
      assertThat(accepted.release().status().weight()).isBetween(0, 100);
    } else {
      assertThat(decision).isInstanceOf(Decision.Refused.class);
      assertThat(((Decision.Refused) decision).reason()).contains(refusal);
    }
  }

  @org.junit.jupiter.api.Test
  void aRetiredCleanupCannotFail() {
    CanaryRelease retired = ReleaseStateMachine.retired(inPhase(Phase.CleanedUp), "canary-bot",
        NOW, "api-v1 at 0 replicas");

    Decision decision = ReleaseStateMachine.decide(retired, command("fail"), NOW);

    assertThat(decision).isInstanceOf(Decision.Refused.class);
    assertThat(((Decision.Refused) decision).reason()).contains("already CleanedUp");
  }

  @org.junit.jupiter.api.Test
  void testersAreRecordedInTheSpecAndRemovedOnlyWhenThere() {
    CanaryRelease r = inPhase(Phase.Progressing);
    Decision.Accepted added = (Decision.Accepted) ReleaseStateMachine.decide(r, command("testers"), NOW);
    assertThat(added.release().testers()).isEqualTo(TestersMatch.parse("x-canary=always"));
    assertThat(added.release().weight()).isEqualTo(r.weight());
    assertThat(added.entry().reason()).isEqualTo("testers with x-canary=always reach v2 at any weight");
    assertThat(added.effects()).isEmpty();

    Decision again = ReleaseStateMachine.decide(added.release(), command("testers"), NOW);
    assertThat(((Decision.Refused) again).reason()).contains("already");

    Decision.Accepted removed = (Decision.Accepted) ReleaseStateMachine.decide(added.release(),
        new Command.Testers("dave", null), NOW);
    assertThat(removed.release().testers()).isNull();
    assertThat(removed.entry().reason()).isEqualTo("testers' route removed (was x-canary=always)");

    Decision none = ReleaseStateMachine.decide(r, new Command.Testers("dave", null), NOW);
    assertThat(((Decision.Refused) none).reason()).contains("no testers to remove")
        .contains("/canary testers api-vs add x-canary=always");
  }

  @ParameterizedTest(name = "no release + {0}")
  @MethodSource("commandNames")
  void withoutReleaseOnlyStartIsAccepted(String commandName) {
    Decision decision = ReleaseStateMachine.decide(null, command(commandName), NOW);
    if (commandName.equals("start")) {
      assertThat(decision).isInstanceOf(Decision.Accepted.class);
    } else {
      assertThat(((Decision.Refused) decision).reason()).contains("there is no such canary release");
    }
  }

  static Stream<String> commandNames() {
    return Stream.of("start", "promote", "rollback", "pause", "resume", "drift", "complete",
        "cleanup", "fail", "testers");
  }
}
