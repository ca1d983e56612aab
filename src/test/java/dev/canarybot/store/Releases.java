package dev.canarybot.store;

import dev.canarybot.release.Action;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CardRef;
import dev.canarybot.release.HistoryEntry;
import dev.canarybot.release.Phase;
import dev.canarybot.release.ReleasePlan;
import dev.canarybot.release.ReleaseStatus;
import dev.canarybot.release.ReleaseTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test fixtures: a release started on api-vs, and the transitions tests apply to it. */
final class Releases {
  static final Instant T0 = Instant.parse("2025-03-04T10:00:00Z");

  private Releases() {}

  static ReleaseTarget target(String namespace, String route) {
    return new ReleaseTarget(namespace, "api-vs", route, "api-service." + namespace + ".svc.cluster.local",
        "v1", "v2", "api-v1", "api-v2");
  }

  static HistoryEntry startEntry() {
    return new HistoryEntry(T0, "@alice", Action.START, null, Phase.Progressing, -1, 10,
        "canary v2 at 10 %, plan 10 → 50 → 100");
  }

  /** A release just started at 10 % in the namespace, no card yet. */
  static CanaryRelease started(String namespace, String name) {
    ReleaseStatus status = new ReleaseStatus(Phase.Progressing, 0, 10, T0, 0, false, null, null,
        List.of(startEntry()));
    return new CanaryRelease(name, target(namespace, "primary"), ReleasePlan.DEFAULT, true, status);
  }

  /** The release promoted to its next step by {@code actor}, one history entry longer. */
  static CanaryRelease promoted(CanaryRelease r, String actor, Instant at) {
    ReleaseStatus s = r.status();
    int next = r.nextWeight();
    HistoryEntry entry = new HistoryEntry(at, actor, Action.PROMOTE, s.phase(), Phase.Progressing,
        s.weight(), next, "gates passed");
    List<HistoryEntry> history = new ArrayList<>(s.history());
    history.add(entry);
    return r.withStatus(new ReleaseStatus(Phase.Progressing, s.stepIndex() + 1, next, at,
        s.appliedWeight(), false, null, s.card(), history));
  }

  static CanaryRelease withCard(CanaryRelease r) {
    return r.withCard(new CardRef("C0123", "1712345678.000100"));
  }

  static ReleasePlan plan(Duration cleanupAfter, Integer... steps) {
    return new ReleasePlan(List.of(steps), cleanupAfter);
  }
}
