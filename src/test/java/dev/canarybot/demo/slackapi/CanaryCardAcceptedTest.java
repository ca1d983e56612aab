package dev.canarybot.demo.slackapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.util.json.GsonFactory;
import dev.canarybot.release.ObservationPolicy;
import dev.canarybot.release.Phase;
import dev.canarybot.release.ReleaseFixtures;
import dev.canarybot.slack.view.CanaryCard;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The bot's own card, in every phase, is a message Slack takes: the fake posts it. */
class CanaryCardAcceptedTest {

  private final FakeSlackWebApi api =
      new FakeSlackWebApi("xoxb-t", Clock.fixed(ReleaseFixtures.T0, ZoneOffset.UTC));

  @ParameterizedTest
  @EnumSource(Phase.class)
  void theCardIsPostedAsDrawn(Phase phase) {
    CanaryCard.Drawn card = CanaryCard.draw(ReleaseFixtures.inPhase(phase),
        ReleaseFixtures.T0.plus(Duration.ofMinutes(40)), ObservationPolicy.DEFAULT,
        ":white_check_mark: healthy: v2 5xx 0.00 % (0 of 1,200), P95 180 ms");
    // The same serializer the Slack client uses for the blocks form field.
    String blocks = GsonFactory.createSnakeCase().toJson(card.blocks());

    FakeResponse answer = api.handle("chat.postMessage",
        Map.of("channel", "C1", "text", card.text(), "blocks", blocks), "Bearer xoxb-t");

    assertThat(answer.body()).startsWith("{\"ok\":true");
    assertThat(api.calls()).noneMatch(RecordedCall::refused);
    assertThat(api.channel("C1")).singleElement().extracting(FakeMessage::blocks).isEqualTo(blocks);
  }
}
