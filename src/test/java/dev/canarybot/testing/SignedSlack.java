package dev.canarybot.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.SlackSignature;
import dev.canarybot.demo.slackapi.FakeSlackWebApi;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Requests as Slack sends them to {@code /slack/events}: form bodies signed with the secret. */
public final class SignedSlack {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI events;
  private final String secret;
  private final FakeSlackWebApi slack;

  /** @param slack where response_url replies land */
  public SignedSlack(URI events, String secret, FakeSlackWebApi slack) {
    this.events = events;
    this.secret = secret;
    this.slack = slack;
  }

  /** What came back, and how long Slack would have waited for it. */
  public record Answer(int status, String body, Duration took) {}

  public Answer command(String user, String channel, String text) {
    return command(user, channel, text, slack.newResponseUrl(channel, user));
  }

  /** A slash command whose payload names {@code responseUrl}, which may be a forged one. */
  public Answer command(String user, String channel, String text, String responseUrl) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", "legacy-verification-token");
    form.put("team_id", "T0CANARY");
    form.put("channel_id", channel);
    form.put("user_id", user);
    form.put("command", "/canary");
    form.put("text", text);
    form.put("response_url", responseUrl);
    form.put("trigger_id", "1.2.3");
    return post(formBody(form), now());
  }

  public Answer click(String user, String channel, String messageTs, String actionId, String value) {
    return click(user, channel, messageTs, actionId, value, slack.newResponseUrl(channel, user));
  }

  /** A button click whose payload names {@code responseUrl}, which may be a forged one. */
  public Answer click(String user, String channel, String messageTs, String actionId, String value,
      String responseUrl) {
    return blockAction(user, channel, messageTs, responseUrl, Map.of("type", "button", "action_id", actionId,
        "block_id", "canary_actions", "value", value, "action_ts", messageTs));
  }

  /**
   * A click on a link button ({@code url}, no {@code value}): Slack opens the URL in the browser
   * and still sends this.
   */
  public Answer linkClick(String user, String channel, String messageTs, String blockId, String actionId) {
    return blockAction(user, channel, messageTs, slack.newResponseUrl(channel, user), Map.of("type", "button",
        "action_id", actionId, "block_id", blockId, "action_ts", messageTs));
  }

  private Answer blockAction(String user, String channel, String messageTs, String responseUrl,
      Map<String, String> action) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("type", "block_actions");
    payload.put("team", Map.of("id", "T0CANARY"));
    payload.put("user", Map.of("id", user, "username", user.toLowerCase()));
    payload.put("api_app_id", "A0CANARY");
    payload.put("trigger_id", "1.2.3");
    payload.put("channel", Map.of("id", channel, "name", "releases"));
    payload.put("container", Map.of("type", "message", "message_ts", messageTs, "channel_id", channel));
    payload.put("response_url", responseUrl);
    payload.put("actions", List.of(action));
    try {
      return post(formBody(Map.of("payload", JSON.writeValueAsString(payload))), now());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** An Events API callback (JSON), e.g. app_home_opened. */
  public Answer event(String type, Map<String, Object> event) {
    Map<String, Object> inner = new LinkedHashMap<>(event);
    inner.put("type", type);
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("token", "legacy-verification-token");
    envelope.put("team_id", "T0CANARY");
    envelope.put("api_app_id", "A0CANARY");
    envelope.put("type", "event_callback");
    envelope.put("event_id", "Ev" + System.nanoTime());
    envelope.put("event_time", System.currentTimeMillis() / 1000);
    envelope.put("event", inner);
    try {
      String body = JSON.writeValueAsString(envelope);
      String ts = now();
      String signature = new SlackSignature.Generator(secret).generate(ts, body);
      return send(body, Map.of(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, ts,
          SlackSignature.HeaderNames.X_SLACK_SIGNATURE, signature, "Content-Type", "application/json"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static String formBody(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  public static String now() {
    return String.valueOf(System.currentTimeMillis() / 1000);
  }

  /** Signs {@code body} at {@code timestamp} and posts it. */
  public Answer post(String body, String timestamp) {
    String signature = new SlackSignature.Generator(secret).generate(timestamp, body);
    return send(body, Map.of(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, timestamp,
        SlackSignature.HeaderNames.X_SLACK_SIGNATURE, signature));
  }

  /** Posts with exactly these Slack headers (or none), for forged and replayed requests. */
  public Answer send(String body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(events)
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", headers.getOrDefault("Content-Type", "application/x-www-form-urlencoded"))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach((name, value) -> {
      if (!name.equals("Content-Type")) {
        request.header(name, value);
      }
    });
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), Duration.ofNanos(System.nanoTime() - start));
    } catch (Exception e) {
      throw new IllegalStateException("POST " + events + " failed", e);
    }
  }
}
