package dev.canarybot.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.analysis.Verdict.Kind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VerdictTextTest {

  record Case(Verdict verdict, String plain) {}

  static List<Case> cases() {
    return List.of(
        // label, first reason, "+1 more" for the second, the one blocker named
        new Case(new Verdict(Kind.Breach,
            List.of("v2 5xx rate 2.31 % (57 of 2,468 requests) is above the 1 % rollback trigger", "other"),
            List.of("v2 5xx rate 2.31 % is above the 0.1 % gate")),
            "Breach: v2 5xx rate 2.31 % (57 of 2,468 requests) is above the 1 % rollback trigger (+1 more)"
                + " · promotion blocked: v2 5xx rate 2.31 % is above the 0.1 % gate"),
        // no blockers: the gates pass
        new Case(new Verdict(Kind.Healthy, List.of("all good"), List.of()),
            "Healthy: all good · gates pass"),
        // Inconclusive reads "Not enough data"; two blockers are counted, not listed
        new Case(new Verdict(Kind.Inconclusive, List.of("no requests to v2 in the last 5m"), List.of("a", "b")),
            "Not enough data: no requests to v2 in the last 5m · promotion blocked (2 reasons)"),
        // no reasons: the label alone, then the blocker
        new Case(new Verdict(Kind.Watch, List.of(), List.of("observed 2m of the required 5m")),
            "Watch · promotion blocked: observed 2m of the required 5m"),
        // markup characters in a reason are kept as typed: plain text has no markup to escape
        new Case(new Verdict(Kind.Watch, List.of("v2 *P95* <high>"), List.of()),
            "Watch: v2 *P95* <high> · gates pass"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void plainLine(Case c) {
    assertThat(VerdictText.plain(c.verdict())).isEqualTo(c.plain());
  }

  @ParameterizedTest
  @MethodSource("cases")
  void plainLineHasNoEmoji(Case c) {
    assertThat(VerdictText.plain(c.verdict())).doesNotContain(":red_circle:", ":large_green_circle:",
        ":large_orange_circle:", ":white_circle:");
  }

  @org.junit.jupiter.api.Test
  void everyKindMapsToTheStoredOneOfTheSameNameAndBack() {
    for (Kind k : Kind.values()) {
      assertThat(VerdictKinds.stored(k).name()).isEqualTo(k.name());
      assertThat(VerdictKinds.analysed(VerdictKinds.stored(k))).isEqualTo(k);
    }
  }
}
