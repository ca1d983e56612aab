package dev.canarybot.slack.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.util.json.GsonFactory;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CapacityState;
import dev.canarybot.release.Command;
import dev.canarybot.release.ObservationPolicy;
import dev.canarybot.release.Phase;
import dev.canarybot.release.ReleaseFixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the card offers and how it shows what people wrote. */
class CanaryCardTest {

  static String json(CanaryRelease r, boolean deleteAllowed) {
    return GsonFactory.createSnakeCase().toJson(CanaryCard.draw(r, ReleaseFixtures.T0.plus(Duration.ofHours(30)),
        ObservationPolicy.DEFAULT, null, deleteAllowed).blocks())
        // Gson writes <, > and & as \\u escapes; read them back to see what Slack gets.
        .replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u0026", "&");
  }

  @Test
  void deleteIsOfferedOnlyWhereTheBotMayDelete() {
    CanaryRelease promoted = ReleaseFixtures.inPhase(Phase.Promoted);
    assertThat(json(promoted, true)).contains("canary_cleanup_scale", "canary_cleanup_delete");
    assertThat(json(promoted, false)).contains("canary_cleanup_scale").doesNotContain("canary_cleanup_delete");
  }

  @Test
  void aReasonCannotMentionTheChannelOrDisguiseALink() {
    CanaryRelease paused = ReleaseFixtures.accept(ReleaseFixtures.progressing(),
        new Command.Pause("<@U2BOB>", "<!here> see <https://evil.example|runbook>"), ReleaseFixtures.T0.plusSeconds(60));
    String card = json(paused, true);
    // The actor is still a mention; what the person typed is shown, not obeyed.
    assertThat(card).contains("<@U2BOB>").doesNotContain("<!here>").doesNotContain("<https://evil")
        .contains("&lt;!here&gt; see &lt;https://evil.example|runbook&gt;");
  }

  @Test
  void whileTheCanaryIsScaledTheCardShowsTheRoutesWeightsAndTheWait() {
    CanaryRelease promoting = ReleaseFixtures.accept(ReleaseFixtures.progressing(),
        new Command.Promote("carol", 50, 10, null), ReleaseFixtures.T0.plusSeconds(600));
    assertThat(promoting.weight()).isEqualTo(50);
    CanaryRelease waiting = promoting.withStatus(promoting.status().toBuilder().appliedWeight(10).build())
        .withCapacity(CapacityState.atStart(1, 3, null).waitingFor(2, ReleaseFixtures.T0.plusSeconds(600)).seeing(1));
    String card = json(waiting, true);
    assertThat(card).contains("*10 %* → 50 % once scaled", "*90 %*")
        .contains(":hourglass_flowing_sand: scaling api-v2 to 2 replicas — 1/2 ready; the route moves to 50 % once they are");

    CanaryRelease ready = waiting.withStatus(waiting.status().toBuilder().appliedWeight(50).build())
        .withCapacity(waiting.status().capacity().readyAt(2));
    assertThat(json(ready, true)).contains("*50 %*").doesNotContain("once scaled", "scaling api-v2");
  }
}
