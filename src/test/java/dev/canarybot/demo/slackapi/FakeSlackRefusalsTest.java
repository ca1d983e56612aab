package dev.canarybot.demo.slackapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each shape real Slack refuses, sent once: the fake answers Slack's error, records the call
 * with it, and shows nothing new in the channel, the ephemerals or the Home tab.
 */
class FakeSlackRefusalsTest {
  private static final Clock STOPPED = Clock.fixed(Instant.parse("2023-11-14T22:13:20Z"), ZoneOffset.UTC);
  private static final String AUTH = "Bearer xoxb-t";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A header in mrkdwn: Slack takes plain_text only there. */
  private static final String BAD_BLOCKS =
      "[{\"type\":\"header\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"Canary\"}}]";
  private static final String GOOD_BLOCKS =
      "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*Canary*\"}}]";
  private static final String CARD_TS = "{card}";

  private final FakeSlackWebApi api = new FakeSlackWebApi("xoxb-t", STOPPED);
  private String cardTs;

  @BeforeEach
  void aCardInTheChannel() throws Exception {
    cardTs = JSON.readTree(api.handle("chat.postMessage",
        Map.of("channel", "C1", "text", "card", "blocks", GOOD_BLOCKS), AUTH).body()).path("ts").asText();
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        row("chat.postMessage", "invalid_blocks", "channel", "C1", "text", "t", "blocks", BAD_BLOCKS),
        row("chat.postMessage", "no_text", "channel", "C1"),
        row("chat.update", "invalid_blocks", "channel", "C1", "ts", CARD_TS, "text", "t", "blocks", BAD_BLOCKS),
        row("chat.update", "message_not_found", "channel", "C1", "text", "t", "blocks", GOOD_BLOCKS),
        row("chat.update", "channel_not_found", "ts", CARD_TS, "text", "t", "blocks", GOOD_BLOCKS),
        row("chat.update", "no_text", "channel", "C1", "ts", CARD_TS),
        row("chat.postEphemeral", "invalid_blocks", "channel", "C1", "user", "U1", "text", "t", "blocks", BAD_BLOCKS),
        row("chat.postEphemeral", "user_not_in_channel", "channel", "C1", "text", "t"),
        row("views.publish", "invalid_arguments", "user_id", "U1",
            "view", "{\"type\":\"home\",\"blocks\":" + BAD_BLOCKS + "}"));
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @MethodSource("refused")
  void isRefusedAndChangesNothing(String method, String error, Map<String, String> params) throws Exception {
    Map<String, String> sent = new HashMap<>(params);
    sent.replaceAll((k, v) -> v.equals(CARD_TS) ? cardTs : v);

    JsonNode answer = JSON.readTree(api.handle(method, sent, AUTH).body());

    assertThat(answer.path("ok").asBoolean(true)).isFalse();
    assertThat(answer.path("error").asText()).isEqualTo(error);
    RecordedCall call = api.calls().get(api.calls().size() - 1);
    assertThat(call.method()).isEqualTo(method);
    assertThat(call.error()).isEqualTo(error);
    assertThat(call.refused()).isTrue();
    assertThat(api.channel("C1")).singleElement().satisfies(card -> {
      assertThat(card.text()).isEqualTo("card");
      assertThat(card.edits()).isZero();
    });
    assertThat(api.ephemerals()).isEmpty();
    assertThat(api.homeView("U1")).isEmpty();
  }

  @Test
  void badBlocksCarrySlacksDetailWithTheJsonPointer() throws Exception {
    JsonNode answer = JSON.readTree(api.handle("chat.postMessage",
        Map.of("channel", "C1", "text", "t", "blocks", BAD_BLOCKS), AUTH).body());

    String detail = "plain_text only, got mrkdwn [json-pointer:/blocks/0/text/type]";
    assertThat(answer.path("errors").get(0).asText()).isEqualTo(detail);
    assertThat(answer.at("/response_metadata/messages/0").asText()).isEqualTo("[ERROR] " + detail);
    assertThat(api.blockRefusals()).singleElement().extracting(RecordedCall::problem)
        .isEqualTo("blocks[0].text.type: plain_text only, got mrkdwn");
  }

  @Test
  void aViewsBadBlocksArePointedAtInsideTheView() throws Exception {
    JsonNode answer = JSON.readTree(api.handle("views.publish", Map.of("user_id", "U1",
        "view", "{\"type\":\"home\",\"blocks\":" + BAD_BLOCKS + "}"), AUTH).body());

    assertThat(answer.at("/response_metadata/messages/0").asText())
        .isEqualTo("[ERROR] plain_text only, got mrkdwn [json-pointer:/view/blocks/0/text/type]");
  }

  @Test
  void aResponseUrlReplyWithBadBlocksIsA400AndShowsNothing() {
    String url = api.newResponseUrl("C1", "U1");

    FakeResponse answer = api.respond(url.substring(url.lastIndexOf('/') + 1),
        Map.of("response_type", "in_channel", "text", "t", "blocks", BAD_BLOCKS));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo("invalid_blocks");
    assertThat(api.channel("C1")).hasSize(1);
    assertThat(api.ephemerals()).isEmpty();
    assertThat(api.blockRefusals()).singleElement().satisfies(call -> {
      assertThat(call.method()).isEqualTo("response_url");
      assertThat(call.error()).isEqualTo("invalid_blocks");
    });
  }

  @Test
  void goodBlocksAreTakenEverywhere() {
    String url = api.newResponseUrl("C1", "U1");
    api.respond(url.substring(url.lastIndexOf('/') + 1), Map.of("text", "t", "blocks", GOOD_BLOCKS));
    api.handle("chat.update", Map.of("channel", "C1", "ts", cardTs, "text", "t2", "blocks", GOOD_BLOCKS), AUTH);
    api.handle("chat.postEphemeral", Map.of("channel", "C1", "user", "U2", "text", "t", "blocks", GOOD_BLOCKS), AUTH);
    api.handle("views.publish", Map.of("user_id", "U1",
        "view", "{\"type\":\"home\",\"blocks\":" + GOOD_BLOCKS + "}"), AUTH);

    assertThat(api.calls()).noneMatch(RecordedCall::refused);
    assertThat(api.channel("C1")).singleElement().extracting(FakeMessage::edits).isEqualTo(1);
    assertThat(api.ephemerals()).hasSize(2);
    assertThat(api.homeView("U1")).isPresent();
  }

  static Arguments row(String method, String error, String... pairs) {
    Map<String, String> params = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      params.put(pairs[i], pairs[i + 1]);
    }
    return Arguments.of(method, error, params);
  }
}
