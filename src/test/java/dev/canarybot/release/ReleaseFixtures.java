package dev.canarybot.release;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Releases in every phase, built by driving the state machine itself. */
public final class ReleaseFixtures {
  public static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
  static final ReleaseTarget TARGET = new ReleaseTarget("default", "api-vs", "primary",
      "api-service.default.svc.cluster.local", "v1", "v2", "api-v1", "api-v2");
  static final ReleasePlan PLAN = new ReleasePlan(List.of(10, 50, 100), Duration.ofHours(24));

  private ReleaseFixtures() {}

  static Command.Start start(String actor) {
    return new Command.Start(actor, "api-vs", TARGET, PLAN, true, 0);
  }

  public static CanaryRelease accept(CanaryRelease current, Command command, Instant at) {
    Decision d = ReleaseStateMachine.decide(current, command, at);
    if (d instanceof Decision.Accepted a) {
      return a.release();
    }
    throw new AssertionError("refused: " + ((Decision.Refused) d).reason());
  }

  public static CanaryRelease progressing() {
    return accept(null, start("alice"), T0);
  }

  /** Each phase, reached the way it is reached in real life, at 10:00-10:0x. */
  public static CanaryRelease inPhase(Phase phase) {
    CanaryRelease r = progressing();
    switch (phase) {
      case Progressing:
        return r;
      case Paused:
        return accept(r, new Command.Pause("bob", "looking at logs"), T0.plusSeconds(60));
      case Promoted:
        return accept(r, new Command.Promote("carol", 100, -1, null), T0.plusSeconds(120));
      case Completed:
        return accept(inPhase(Phase.Promoted), new Command.Complete("carol"), T0.plusSeconds(180));
      case CleanedUp:
        return accept(inPhase(Phase.Promoted),
            new Command.Cleanup("carol", CleanupMode.SCALE_TO_ZERO, true), T0.plusSeconds(180));
      case RolledBack:
        return accept(r, new Command.Rollback("alice", "5xx up", -1), T0.plusSeconds(120));
      case Failed:
        return accept(r, new Command.Fail("canary-bot", "VirtualService api-vs.default is gone"),
            T0.plusSeconds(120));
      default:
        throw new IllegalArgumentException(phase.toString());
    }
  }
}
