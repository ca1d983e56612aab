package dev.canarybot.analysis;

import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.Command;
import dev.canarybot.release.Decision;
import dev.canarybot.release.ReleasePlan;
import dev.canarybot.release.ReleaseStateMachine;
import dev.canarybot.release.ReleaseTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Releases for chart tests, moved through the state machine itself at chosen times. */
public final class ChartFixtures {
  public static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
  public static final ReleaseTarget TARGET = new ReleaseTarget("default", "api-vs", "primary",
      "api-service.default.svc.cluster.local", "v1", "v2", "api-v1", "api-v2");
  static final ReleasePlan PLAN = new ReleasePlan(List.of(10, 50, 100), Duration.ofHours(24));

  private ChartFixtures() {}

  public static CanaryRelease started(Instant at) {
    return started(at, Map.of());
  }

  public static CanaryRelease started(Instant at, Map<String, String> thresholds) {
    return then(null, new Command.Start("<@U1>", "api-vs", TARGET, PLAN, true, 0, thresholds), at);
  }

  public static CanaryRelease then(CanaryRelease current, Command command, Instant at) {
    Decision d = ReleaseStateMachine.decide(current, command, at);
    if (d instanceof Decision.Accepted a) {
      return a.release();
    }
    throw new AssertionError("refused: " + ((Decision.Refused) d).reason());
  }

  public static CanaryRelease promoted(CanaryRelease r, Instant at) {
    return then(r, new Command.Promote("<@U2>", 0, -1, null), at);
  }

  public static CanaryRelease paused(CanaryRelease r, Instant at) {
    return then(r, new Command.Pause("<@U2>", null), at);
  }

  public static CanaryRelease resumed(CanaryRelease r, Instant at) {
    return then(r, new Command.Resume("<@U2>"), at);
  }

  public static CanaryRelease rolledBack(CanaryRelease r, Instant at) {
    return then(r, new Command.Rollback("<@U2>", null, -1), at);
  }

  public static CanaryRelease drifted(CanaryRelease r, Instant at, int foundCanary) {
    return then(r, new Command.MarkDrifted("canary-bot", foundCanary, 100 - foundCanary), at);
  }

  /** {@code minutes} after T0. */
  public static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  /** A point every {@code every} from {@code from} (inclusive) to {@code to} (inclusive). */
  public static List<MetricHistory.Point> flat(Instant from, Instant to, Duration every, double value) {
    java.util.ArrayList<MetricHistory.Point> out = new java.util.ArrayList<>();
    for (Instant t = from; !t.isAfter(to); t = t.plus(every)) {
      out.add(new MetricHistory.Point(t, value));
    }
    return out;
  }
}
