package dev.canarybot.slack.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.util.json.GsonFactory;
import dev.canarybot.release.AddedRoute;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.Command;
import dev.canarybot.release.ObservationPolicy;
import dev.canarybot.release.Phase;
import dev.canarybot.release.ReleaseFixtures;
import dev.canarybot.release.TestersMatch;
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
  void theTestersLineIsTheCurlTheyRunOnceTheRouteIsThere() {
    CanaryRelease r = ReleaseFixtures.progressing().withTesters(TestersMatch.parse("x-canary=always"));
    assertThat(CanaryCard.testers(ReleaseFixtures.progressing())).isNull();
    assertThat(CanaryCard.testers(r)).contains("once the route canary-bot-testers-api-vs is on the VirtualService");

    CanaryRelease added = r.withStatus(r.status().withAddedRoute(r.testersRoute(),
        new AddedRoute(r.testersRoute(), "d1", "api.example.com/api/`v1&")));
    assertThat(CanaryCard.testers(added))
        .isEqualTo(":test_tube: *Testers* (x-canary=always) reach v2 at any weight: "
            + "`curl -H 'x-canary: always' http://api.example.com/api/'v1&amp;`");
    assertThat(json(added, true).replace("\\u0027", "'")).contains("canary_testers", "curl -H 'x-canary: always'");
  }
}
