package dev.canarybot.slack.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which bodies reach Bolt's parser, and the few words a malformed one is refused with. */
class SlackPayloadsTest {

  @Test
  void whatSlackSendsPasses() {
    Map<String, String> slack = new LinkedHashMap<>();
    slack.put("a slash command", "team_id=T0&command=%2Fcanary&text=start+api-vs&response_url=https%3A%2F%2Fhooks.slack.com%2Fx");
    slack.put("a click", "payload=%7B%22type%22%3A%22block_actions%22%2C%22actions%22%3A%5B%5D%7D");
    slack.put("an event", "{\"type\":\"event_callback\",\"event\":{\"type\":\"app_home_opened\"}}");
    slack.put("a URL check", "  {\"type\":\"url_verification\",\"challenge\":\"abc\"}\n");
    slack.put("an unknown form, left to Bolt's 'not a Slack request'", "junk=AAAA");
    slack.put("a field without a value", "text&command=%2Fcanary");
    slack.forEach((what, body) -> assertThat(SlackPayloads.problem(body)).as(what).isEmpty());
  }

  @Test
  void malformedBodiesAreNamed() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("", "the body is empty");
    expected.put("   \n", "the body is empty");
    expected.put("payload=%ZZ", "the form body is not valid URL encoding");
    expected.put("text=100%&command=%2Fcanary", "the form body is not valid URL encoding");
    expected.put("payload=not+json", "the payload field is not a JSON object with a \"type\"");
    expected.put("payload=%5B1%2C2%5D", "the payload field is not a JSON object with a \"type\"");
    expected.put("payload=%7B%22type%22%3A1%7D", "the payload field is not a JSON object with a \"type\"");
    expected.put("payload=%7B%22type%22%3A%22x%22%7Dtrailing", "the payload field is not a JSON object with a \"type\"");
    expected.put("payload=", "the payload field is not a JSON object with a \"type\"");
    expected.put("[{\"type\":\"event_callback\"}]", "the JSON body is not an object with a \"type\"");
    expected.put("{\"event\":{}}", "the JSON body is not an object with a \"type\"");
    expected.put("{\"type\":\"event_callback\",", "the JSON body is not an object with a \"type\"");
    expected.put("{\"type\":\"event_callback\"} {}", "the JSON body is not an object with a \"type\"");
    expected.forEach((body, problem) -> assertThat(SlackPayloads.problem(body)).as(body).contains(problem));
  }

  @Test
  void onlyUtf8IsText() {
    assertThat(SlackPayloads.text("text=caf\u00e9".getBytes(StandardCharsets.UTF_8))).contains("text=caf\u00e9");
    assertThat(SlackPayloads.text("text=caf\u00e9".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(Optional.empty());
  }
}
