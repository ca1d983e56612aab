package dev.canarybot.slack.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.analysis.Verdict;
import dev.canarybot.release.LastVerdict;
import dev.canarybot.release.VerdictKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class VerdictMrkdwnTest {

  record Case(VerdictKind kind, String plain, String mrkdwn) {}

  static List<Case> cases() {
    return List.of(
        // emoji per kind, the leading label in bold, the rest as stored
        new Case(VerdictKind.Breach, "Breach: v2 5xx rate 2.31 % · promotion blocked (2 reasons)",
            ":red_circle: *Breach*: v2 5xx rate 2.31 % · promotion blocked (2 reasons)"),
        new Case(VerdictKind.Watch, "Watch · gates pass", ":large_orange_circle: *Watch* · gates pass"),
        new Case(VerdictKind.Healthy, "Healthy: all good · gates pass", ":large_green_circle: *Healthy*: all good · gates pass"),
        new Case(VerdictKind.Inconclusive, "Not enough data: no requests to v2",
            ":white_circle: *Not enough data*: no requests to v2"),
        // read from the cluster: <!here> and & are escaped, so they are no mention
        new Case(VerdictKind.Watch, "Watch: v2 <!here> & more", ":large_orange_circle: *Watch*: v2 &lt;!here&gt; &amp; more"),
        // a summary without its label (edited by hand) keeps the kind's label in front
        new Case(VerdictKind.Healthy, "edited", ":large_green_circle: *Healthy*: edited"),
        new Case(VerdictKind.Breach, "", ":red_circle: *Breach*"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void storedVerdictLine(Case c) {
    assertThat(VerdictMrkdwn.line(c.kind(), c.plain())).isEqualTo(c.mrkdwn());
    assertThat(VerdictMrkdwn.line(new LastVerdict(c.kind(), c.plain(), Instant.EPOCH))).isEqualTo(c.mrkdwn());
  }

  @Test
  void freshVerdictDrawsLikeTheStoredOne() {
    Verdict v = new Verdict(Verdict.Kind.Breach, List.of("v2 5xx rate 2.31 %", "other"),
        List.of("v2 5xx rate 2.31 % is above the 0.1 % gate"));
    // plain: "Breach: v2 5xx rate 2.31 % (+1 more) · promotion blocked: v2 5xx rate 2.31 % is above the 0.1 % gate"
    assertThat(VerdictMrkdwn.line(v)).isEqualTo(":red_circle: *Breach*: v2 5xx rate 2.31 % (+1 more)"
        + " · promotion blocked: v2 5xx rate 2.31 % is above the 0.1 % gate");
  }

  @Test
  void noVerdictYetIsNull() {
    assertThat(VerdictMrkdwn.line((LastVerdict) null)).isNull();
  }
}
