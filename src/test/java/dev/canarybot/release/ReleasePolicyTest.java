package dev.canarybot.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Freezes and windows decided as values, before anything is written. */
class ReleasePolicyTest {
  static final Instant FROZE_AT = Instant.parse("2026-11-28T10:02:00Z");
  static final Freeze ALL = new Freeze(null, "<@U0ALICE>", FROZE_AT, "incident 4711");
  static final Freeze SHOP = new Freeze("shop", "<@U0BOB>", FROZE_AT, "");
  static final String OFFICE = "Mon-Fri 09:00-17:00 Asia/Shanghai; Sat 10:00-12:00 Asia/Shanghai";

  static ReleasePolicy policy(List<Freeze> freezes, String windows, boolean blockStart) {
    return new ReleasePolicy(new FreezeState(freezes, List.of()), ChangeWindows.parse(windows), blockStart);
  }

  @Test
  void theRefusalSaysWhoWhenWhyAndHowToLiftIt() {
    assertThat(ALL.refusal()).isEqualTo(
        "frozen by <@U0ALICE> at 10:02 UTC: incident 4711 — `/canary unfreeze` (approvers) lifts it");
    // a namespace's freeze is lifted with its -n; no reason, no colon
    assertThat(SHOP.refusal()).isEqualTo(
        "frozen by <@U0BOB> at 10:02 UTC — `/canary unfreeze -n shop` (approvers) lifts it");
  }

  @ParameterizedTest(name = "{0} in {1}, force {2}: refused {3}")
  @CsvSource(delimiter = '|', textBlock = """
      # the freeze of every namespace stops what moves traffic or retires the fallback
      START    | default | false | true
      PROMOTE  | default | false | true
      # --force overrides gates and windows, never a freeze
      PROMOTE  | default | true  | true
      CLEANUP  | default | true  | true
      RESUME   | shop    | false | true
      # what makes things safer, or only looks, keeps working
      ROLLBACK | default | false | false
      PAUSE    | default | false | false
      COMPLETE | default | false | false
      """)
  void aFreezeOfEveryNamespace(Action action, String ns, boolean force, boolean refused) {
    ReleasePolicy.Verdict v = policy(List.of(ALL), "always", false)
        .check(action, ns, "api-vs", null, force, FROZE_AT.plusSeconds(60));
    assertThat(v.refused()).isEqualTo(refused);
    if (refused) {
      assertThat(v.refusal()).isEqualTo("cannot " + action.word() + " api-vs: " + ALL.refusal());
    }
  }

  @Test
  void aNamespaceFreezeStopsOnlyThatNamespace() {
    ReleasePolicy p = policy(List.of(SHOP), "always", false);
    assertThat(p.check(Action.PROMOTE, "shop", "api-vs", null, false, FROZE_AT).refused()).isTrue();
    assertThat(p.check(Action.PROMOTE, "default", "api-vs", null, false, FROZE_AT).refused()).isFalse();
  }

  @ParameterizedTest(name = "{0} at {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # 2026-11-28 is a Saturday. 10:00Z = Sat 18:00 in Shanghai (+08), after the Saturday window;
      # the next is Mon 09:00 local = Mon 2026-11-30 01:00Z, 39 h later
      Mon-Fri 09:00-17:00 Asia/Shanghai; Sat 10:00-12:00 Asia/Shanghai | 2026-11-28T10:00:00Z | next window opens Mon 09:00 Asia/Shanghai, in 39 h
      # Sun 19:00 local = Sun 11:00Z: 14 h to Mon 01:00Z, the issue's example
      Mon-Fri 09:00-17:00 Asia/Shanghai; Sat 10:00-12:00 Asia/Shanghai | 2026-11-29T11:00:00Z | next window opens Mon 09:00 Asia/Shanghai, in 14 h
      # Sat 01:00Z = Sat 09:00 local: the Saturday window opens at 10:00 local, in 60 min
      Mon-Fri 09:00-17:00 Asia/Shanghai; Sat 10:00-12:00 Asia/Shanghai | 2026-11-28T01:00:00Z | next window opens Sat 10:00 Asia/Shanghai, in 1 h
      # New York springs forward on Sun 2025-03-09: Sat 12:00Z (07:00 EST) to Mon 09:00 EDT =
      # 13:00Z is 49 h (50 h had the offset stayed -05), "2 d 1 h"
      Mon-Fri 09:00-17:00 America/New_York | 2025-03-08T12:00:00Z | next window opens Mon 09:00 America/New_York, in 2 d 1 h
      # and falls back on Sun 2025-11-02: Sat 12:00Z (08:00 EDT) to Mon 09:00 EST = 14:00Z, 50 h
      Mon-Fri 09:00-17:00 America/New_York | 2025-11-01T12:00:00Z | next window opens Mon 09:00 America/New_York, in 2 d 2 h
      """)
  void outsideTheWindowsAPromotionIsRefusedWithTheNextOpening(String windows, Instant at, String next) {
    ReleasePolicy.Verdict v = policy(List.of(), windows, false)
        .check(Action.PROMOTE, "default", "api-vs", null, false, at);
    assertThat(v.refusal()).isEqualTo("cannot promote api-vs now: outside the change windows ("
        + windows + "); " + next + ". An approver may override with `/canary promote api-vs --force`");
  }

  @Test
  void forceOverridesAWindowAndSaysSo() {
    // Sat 18:00 in Shanghai: closed
    ReleasePolicy.Verdict v = policy(List.of(), OFFICE, false)
        .check(Action.PROMOTE, "default", "api-vs", null, true, Instant.parse("2026-11-28T10:00:00Z"));
    assertThat(v.refused()).isFalse();
    assertThat(v.override()).isEqualTo("promoted by override outside the change windows (" + OFFICE
        + "); next window opens Mon 09:00 Asia/Shanghai, in 39 h");
  }

  @Test
  void startsAreAllowedOutsideTheWindowsUnlessTheSettingBlocksThem() {
    Instant closed = Instant.parse("2026-11-28T10:00:00Z");
    assertThat(policy(List.of(), OFFICE, false).check(Action.START, "default", "api-vs", null, false, closed))
        .isEqualTo(new ReleasePolicy.Verdict(null, null));
    assertThat(policy(List.of(), OFFICE, true).check(Action.START, "default", "api-vs", null, false, closed)
        .refusal()).startsWith("cannot start api-vs now: outside the change windows")
        .endsWith("(setting CANARY_WINDOWS_BLOCK_START)");
    // rollback is never blocked, whatever the windows
    assertThat(policy(List.of(), OFFICE, true).check(Action.ROLLBACK, "default", "api-vs", null, false, closed)
        .refused()).isFalse();
  }

  @Test
  void aReleasesOwnWindowsReplaceTheSettings() {
    // Sat 10:00Z: closed in Shanghai's office hours, open in "Sat 09:00-11:00 UTC"
    Instant at = Instant.parse("2026-11-28T10:00:00Z");
    assertThat(policy(List.of(), OFFICE, false).check(Action.PROMOTE, "default", "api-vs",
        ChangeWindows.parse("Sat 09:00-11:00 UTC"), false, at).refused()).isFalse();
  }

  @Test
  void inAWindowAPromotionGoesOn() {
    // Mon 2026-11-30 02:00Z = Mon 10:00 in Shanghai
    assertThat(policy(List.of(), OFFICE, false).check(Action.PROMOTE, "default", "api-vs", null, false,
        Instant.parse("2026-11-30T02:00:00Z"))).isEqualTo(new ReleasePolicy.Verdict(null, null));
  }
}
