package dev.canarybot.slack.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import dev.canarybot.demo.slackapi.BlockKitProblem;
import dev.canarybot.demo.slackapi.BlockKitRules;
import dev.canarybot.release.AddedRoute;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CapacityState;
import dev.canarybot.release.Command;
import dev.canarybot.release.ObservationPolicy;
import dev.canarybot.release.Phase;
import dev.canarybot.release.ReleaseFixtures;
import dev.canarybot.release.TestersMatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  static String json(CanaryRelease r, DashboardLinks links) {
    List<DashboardLinks.Link> drawn = links.render(r.target(), r.target().canarySubset(),
        r.status().stepStartedAt()).links();
    return GsonFactory.createSnakeCase().toJson(CanaryCard.draw(r, ReleaseFixtures.T0.plus(Duration.ofHours(30)),
        ObservationPolicy.DEFAULT, null, true, null, drawn).blocks());
  }

  @Test
  void dashboardLinksAreUrlButtonsInARowOfTheirOwnSortedByName() throws Exception {
    Map<String, String> configured = new LinkedHashMap<>();
    configured.put("kiali", "https://kiali.example/kiali/console/graph/namespaces/?namespaces={{namespace}}");
    configured.put("grafana", "https://grafana.example/d/LJ_uJAvmk/istio-service-dashboard"
        + "?var-service={{service}}&from={{since}}&to=now");
    CanaryRelease r = ReleaseFixtures.progressing();

    JsonNode blocks = new ObjectMapper().readTree(json(r, DashboardLinks.parse(configured)));
    JsonNode row = null;
    for (JsonNode block : blocks) {
      if ("canary_links".equals(block.path("block_id").asText())) {
        row = block;
      }
    }
    assertThat(row).as("a canary_links block").isNotNull();
    assertThat(row.path("type").asText()).isEqualTo("actions");
    List<String> buttons = new ArrayList<>();
    row.path("elements").forEach(e -> buttons.add(e.path("type").asText() + " " + e.path("action_id").asText()
        + " " + e.path("text").path("text").asText() + " " + e.path("url").asText() + " " + e.has("value")));
    // T0 = 2026-11-28T10:00:00Z, when the fixture's first step began: 1795860000000 ms.
    assertThat(buttons).containsExactly(
        "button canary_link_grafana grafana https://grafana.example/d/LJ_uJAvmk/istio-service-dashboard"
            + "?var-service=api-service.default.svc.cluster.local&from=1795860000000&to=now false",
        "button canary_link_kiali kiali https://kiali.example/kiali/console/graph/namespaces/?namespaces=default false");
    // The release's own buttons stay where they were, before the links.
    assertThat(blocks.toString().indexOf("canary_actions")).isLessThan(blocks.toString().indexOf("canary_links"));
  }

  @Test
  void withoutLinksThereIsNoLinksRow() {
    assertThat(json(ReleaseFixtures.progressing(), DashboardLinks.NONE)).doesNotContain("canary_links");
  }

  @Test
  void theMostLinksWithTheLongestUrlsAndNamesStillFitInEveryPhase() {
    // 25 links (the most parse takes), each a 40-character name and a URL rendered to 3000.
    Map<String, String> configured = new LinkedHashMap<>();
    for (int i = 0; i < DashboardLinks.MAX_LINKS; i++) {
      String name = String.format("%02d", i) + "n".repeat(38);
      String head = "https://g.example/?ns={{namespace}}&p=";
      // {{namespace}} (13) becomes "default" (7): the template is 6 longer than what is sent.
      configured.put(name, head + "a".repeat(3000 - head.length() + 6));
    }
    DashboardLinks links = DashboardLinks.parse(configured);
    for (Phase phase : Phase.values()) {
      CanaryRelease r = ReleaseFixtures.inPhase(phase);
      assertThat(links.render(r.target(), "v2", r.status().stepStartedAt()).links()).as(phase.name())
          .hasSize(25).allSatisfy(l -> assertThat(l.url()).hasSize(3000));
      assertThat(BlockKitRules.message(json(r, links)).map(BlockKitProblem::toString).orElse("none"))
          .as(phase.name()).isEqualTo("none");
    }
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
