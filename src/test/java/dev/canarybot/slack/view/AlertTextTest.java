package dev.canarybot.slack.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.analysis.MetricSnapshot;
import dev.canarybot.analysis.Verdict;
import dev.canarybot.analysis.VersionMetrics;
import dev.canarybot.service.port.Analysis;
import dev.canarybot.service.port.AutoRollback;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What an alert says, and whom it calls. */
class AlertTextTest {
  static final Analysis BREACH = new Analysis(new MetricSnapshot(SummaryTextTest.AT, Duration.ofMinutes(5),
      VersionMetrics.empty("v1"), VersionMetrics.empty("v2"), null),
      new Verdict(Verdict.Kind.Breach, List.of(
          "v2 5xx rate 2.31 % (57 of 2,468 requests) is above the 1 % rollback trigger",
          "v2's error rate (2.31 %) is higher than v1's (0.02 %) with 99 % confidence",
          "v2 CPU against limits not available"), List.of("v2 5xx rate 2.31 %")), 10);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "@here|'<!here> '", "@channel|'<!channel> '", "S0SRE|'<!subteam^S0SRE> '", "U0ALICE|'<@U0ALICE> '",
      "none|''", "''|''"})
  void mentions(String setting, String expected) {
    assertThat(AlertText.mention(setting)).isEqualTo(expected);
  }

  @Test
  void aBreachThatWasRolledBackSaysSoWithTheWorstNumbersAndALink() {
    String text = AlertText.alert("<!here> ", SummaryTextTest.release(), BREACH, AutoRollback.DONE,
        "https://acme.slack.com/archives/C0CANARY/p1700000000000100");
    assertThat(text).isEqualTo(String.join("\n",
        "<!here> :rotating_light: *Breach* on *api-vs* (v2 at 10 %)",
        "• v2 5xx rate 2.31 % (57 of 2,468 requests) is above the 1 % rollback trigger",
        "• v2's error rate (2.31 %) is higher than v1's (0.02 %) with 99 % confidence",
        "_(1 more in the card's thread)_",
        ":leftwards_arrow_with_hook: *Rolled back automatically*: all traffic is on v1 (api-v1).",
        "<https://acme.slack.com/archives/C0CANARY/p1700000000000100|Open the card>"));
  }

  @Test
  void aBreachWithoutAutomaticRollbackPointsAtTheButton() {
    assertThat(AlertText.alert("", SummaryTextTest.release(), BREACH, AutoRollback.NOT_TRIED, null))
        .contains("Automatic rollback is off for this release: roll back with the button below.")
        .doesNotContain("Rolled back automatically").doesNotContain("Open the card");
  }

  @Test
  void aFailedAutomaticRollbackLeadsWithTheFailureAndTheCommandToRunByHand() {
    String text = AlertText.alert("<!here> ", SummaryTextTest.release(), BREACH,
        AutoRollback.failed("VirtualService api-vs.default update failed: timeout; the resync will try again",
            "kubectl -n default patch virtualservice api-vs --type=json -p '[...]'"), null);
    assertThat(text).startsWith("<!here> :rotating_light: *api-vs*: automatic rollback FAILED: "
        + "VirtualService api-vs.default update failed: timeout; the resync will try again\n"
        + "Roll back by hand:\n```kubectl -n default patch virtualservice api-vs --type=json -p '[...]'```\n"
        + ":rotating_light: *Breach* on *api-vs*")
        .doesNotContain("Rolled back automatically").doesNotContain("Automatic rollback is off");
  }

  @Test
  void reasonsCannotMentionTheChannelOrDisguiseALink() {
    Analysis hostile = new Analysis(BREACH.snapshot(), new Verdict(Verdict.Kind.Watch,
        List.of("<!channel> see <https://evil.example|the runbook> & <@U0ALICE>"), List.of()), 10);
    assertThat(AlertText.alert("", SummaryTextTest.release(), hostile, AutoRollback.NOT_TRIED, null))
        .contains("• &lt;!channel&gt; see &lt;https://evil.example|the runbook&gt; &amp; <@U0ALICE>");
  }
}
