package dev.canarybot.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CardRef;
import dev.canarybot.release.HistoryEntry;
import dev.canarybot.service.port.ReleaseNotifier;
import dev.canarybot.service.port.ResolvedTarget;
import dev.canarybot.service.port.TargetQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Transitions made while a new release's card is still being posted find no card to update;
 * once it lands they are told on it, in order, so none is lost and none is told twice.
 */
class CardCatchUpTest {
  static final CardRef CARD = new CardRef("C0CANARY", "1700000000.000100");

  final InMemoryReleaseStore store = new InMemoryReleaseStore();
  final FakeTrafficRouter router = new FakeTrafficRouter();
  final Clock clock = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
  /**
   * Every transition told, as "promote 50 on none" (no card yet: the Slack notifier skips it) or
   * "promote 50 on 1700000000.000100".
   */
  final List<String> told = new CopyOnWriteArrayList<>();
  final CompletableFuture<Optional<CardRef>> posting = new CompletableFuture<>();

  final ReleaseNotifier notifier = new ReleaseNotifier() {
    @Override
    public void transitioned(CanaryRelease release, HistoryEntry entry, String outcome) {
      CardRef card = release.status().card();
      told.add(entry.action().word() + " " + release.weight() + " on " + (card == null ? "none" : card.ts()));
    }

    @Override
    public CompletionStage<Optional<CardRef>> postCard(CanaryRelease release, String channel,
        HistoryEntry entry, String outcome) {
      told.add("card posted for " + entry.action().word() + " " + release.weight());
      return posting;
    }
  };

  ReleaseService service() {
    Reconciler reconciler = new Reconciler(router, q -> { throw new AssertionError(); }, new FakeWorkloads(),
        store, new RecordingEvents(), clock);
    return new ReleaseService(store, q -> new ResolvedTarget("api-vs", ReleaseServiceTest.TARGET,
        router.read(ReleaseServiceTest.TARGET)), reconciler, new RecordingEvents(), notifier, r -> List.of(),
        ns -> true, dev.canarybot.testing.Preflights.passing(q -> null, new TestConfig()), new TestConfig(), clock);
  }

  @Test
  void transitionsMadeWhileTheCardWasPostedAreToldOnItOnceItLands() {
    ReleaseService service = service();
    service.start(new StartRequest("alice", new TargetQuery("default", "api-vs", null, null, null), null, true,
        "C0CANARY"));
    service.promote("default", "api-vs", "bob", 0, 10, null, false);
    service.pause("default", "api-vs", "bob", "looking at the logs");

    assertThat(told).containsExactly("start 10 on none", "card posted for start 10", "promote 50 on none", "pause 50 on none");

    posting.complete(Optional.of(CARD));

    assertThat(told).containsExactly("start 10 on none", "card posted for start 10", "promote 50 on none", "pause 50 on none",
        "promote 50 on 1700000000.000100", "pause 50 on 1700000000.000100");
    assertThat(store.get("api-vs").status().card()).isEqualTo(CARD);
  }

  @Test
  void aCardThatLandsBeforeAnyTransitionHasNothingToCatchUp() {
    ReleaseService service = service();
    service.start(new StartRequest("alice", new TargetQuery("default", "api-vs", null, null, null), null, true,
        "C0CANARY"));
    posting.complete(Optional.of(CARD));
    service.promote("default", "api-vs", "bob", 0, 10, null, false);

    assertThat(told).containsExactly("start 10 on none", "card posted for start 10", "promote 50 on 1700000000.000100");
  }

  @Test
  void aCardThatWasGivenUpTellsNothingMore() {
    ReleaseService service = service();
    service.start(new StartRequest("alice", new TargetQuery("default", "api-vs", null, null, null), null, true,
        "C0CANARY"));
    service.promote("default", "api-vs", "bob", 0, 10, null, false);

    posting.complete(Optional.empty());

    assertThat(told).containsExactly("start 10 on none", "card posted for start 10", "promote 50 on none");
    assertThat(store.get("api-vs").status().card()).isNull();
  }
}
