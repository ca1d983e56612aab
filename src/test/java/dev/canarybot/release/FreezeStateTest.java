package dev.canarybot.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Freezing and unfreezing as values, and which releases a freeze may resume. */
class FreezeStateTest {
  static final Instant AT = ReleaseFixtures.T0.plusSeconds(120);
  static final Freeze ALL = new Freeze(null, "<@U0ALICE>", AT, "incident 4711");

  @Test
  void aFreezeIsAddedWithItsHistoryLine() {
    FreezeState.Result r = FreezeState.NONE.freeze(ALL);
    assertThat(r.refused()).isFalse();
    assertThat(r.state().active()).containsExactly(ALL);
    assertThat(r.state().history()).containsExactly(
        new FreezeEvent(AT, "<@U0ALICE>", true, null, "incident 4711"));
    assertThat(r.state().history().get(0).describe())
        .isEqualTo("frozen by <@U0ALICE> at 10:02 UTC (every managed namespace): incident 4711");
  }

  @Test
  void aScopeIsFrozenOnceAndTheSecondIsToldByWhom() {
    FreezeState frozen = FreezeState.NONE.freeze(ALL).state();
    FreezeState.Result again = frozen.freeze(new Freeze(null, "<@U0BOB>", AT.plusSeconds(5), "me too"));
    assertThat(again.refusal()).isEqualTo("already " + ALL.refusal());
    // another scope is a freeze of its own
    assertThat(frozen.freeze(new Freeze("shop", "<@U0BOB>", AT, "")).state().active()).hasSize(2);
  }

  @Test
  void unfreezingLiftsTheScopeAndRecordsWho() {
    FreezeState both = FreezeState.NONE.freeze(ALL).state()
        .freeze(new Freeze("shop", "<@U0BOB>", AT, "")).state();
    FreezeState.Result shop = both.unfreeze("shop", "<@U0CAROL>", AT.plusSeconds(600));
    assertThat(shop.state().active()).containsExactly(ALL);
    assertThat(shop.state().history()).last()
        .isEqualTo(new FreezeEvent(AT.plusSeconds(600), "<@U0CAROL>", false, "shop", ""));
    // without -n every freeze is lifted
    assertThat(both.unfreeze(null, "<@U0CAROL>", AT).state().active()).isEmpty();
    assertThat(both.unfreeze(null, "<@U0CAROL>", AT).changed()).hasSize(2);
  }

  @Test
  void nothingToUnfreezeSaysWhatIsInForce() {
    assertThat(FreezeState.NONE.unfreeze(null, "<@U0CAROL>", AT).refusal())
        .isEqualTo("nothing to unfreeze: nothing is frozen");
    FreezeState frozen = FreezeState.NONE.freeze(ALL).state();
    assertThat(frozen.unfreeze("shop", "<@U0CAROL>", AT).refusal()).isEqualTo(
        "nothing to unfreeze: namespace shop has no freeze of its own; in force: " + ALL.refusal());
  }

  @Test
  void theHistoryKeepsTheNewestFifty() {
    List<FreezeEvent> many = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      many.add(new FreezeEvent(AT.plusSeconds(i), "<@U0ALICE>", i % 2 == 0, null, ""));
    }
    FreezeState s = new FreezeState(List.of(), many);
    // 60 kept as 50: the first is the 11th written, at AT + 10 s
    assertThat(s.history()).hasSize(50);
    assertThat(s.history().get(0).at()).isEqualTo(AT.plusSeconds(10));
  }

  @Test
  void aFreezeResumesOnlyWhatItPaused() {
    CanaryRelease running = ReleaseFixtures.progressing();
    CanaryRelease byFreeze = ReleaseFixtures.accept(running,
        new Command.Pause(ALL.actor(), ALL.pauseReason()), AT);
    assertThat(ALL.paused(byFreeze)).isTrue();
    // a person paused it before the freeze: not the freeze's to resume
    CanaryRelease byPerson = ReleaseFixtures.inPhase(Phase.Paused);
    assertThat(ALL.paused(byPerson)).isFalse();
    // resumed and paused again during the freeze by someone else: theirs now
    CanaryRelease resumed = ReleaseFixtures.accept(byFreeze, new Command.Resume("<@U0BOB>"), AT.plusSeconds(5));
    CanaryRelease pausedAgain = ReleaseFixtures.accept(resumed, new Command.Pause("<@U0BOB>", null), AT.plusSeconds(9));
    assertThat(ALL.paused(pausedAgain)).isFalse();
    assertThat(ALL.paused(resumed)).isFalse();
    // the same words from an older freeze by the same person do not count for this one
    Freeze later = new Freeze(null, ALL.actor(), AT.plusSeconds(3600), ALL.reason());
    assertThat(later.paused(byFreeze)).isFalse();
  }

  @Test
  void aLongReasonIsCutSoThePauseItWritesFitsAHistoryEntry() {
    Freeze f = new Freeze(null, "<@U0ALICE>", AT, "x".repeat(2000));
    assertThat(f.reason()).hasSize(Freeze.MAX_REASON);
    assertThat(f.pauseReason().length()).isLessThanOrEqualTo(HistoryEntry.MAX_REASON);
  }
}
