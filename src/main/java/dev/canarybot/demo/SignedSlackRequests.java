package dev.canarybot.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.SlackSignature;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Bodies and headers of slash commands and button clicks exactly as Slack sends them, signed
 * with the signing secret (v0, HMAC-SHA256), so the bot's own verification checks them like
 * any request from Slack. The secret never leaves the server.
 */
final class SignedSlackRequests {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String TEAM = "T0CANARY";

  /** A request ready to post: body and Slack's headers. */
  record Signed(String body, Map<String, String> headers) {}

  private final SlackSignature.Generator signer;

  SignedSlackRequests(String signingSecret) {
    this.signer = new SlackSignature.Generator(signingSecret);
  }

  Signed command(String user, String channel, String text, String responseUrl, long epochSecond) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("team_id", TEAM);
    form.put("team_domain", "canary-demo");
    form.put("channel_id", channel);
    form.put("user_id", user);
    form.put("user_name", user.toLowerCase());
    form.put("command", "/canary");
    form.put("text", text);
    form.put("response_url", responseUrl);
    form.put("trigger_id", "demo." + epochSecond);
    return sign(form(form), epochSecond);
  }

  Signed click(String user, String channel, String messageTs, String blockId, String actionId, String value,
      String responseUrl, long epochSecond) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("type", "block_actions");
    payload.put("team", Map.of("id", TEAM, "domain", "canary-demo"));
    payload.put("user", Map.of("id", user, "username", user.toLowerCase(), "team_id", TEAM));
    payload.put("api_app_id", "A0CANARY");
    payload.put("trigger_id", "demo." + epochSecond);
    payload.put("channel", Map.of("id", channel, "name", "releases"));
    payload.put("container", Map.of("type", "message", "message_ts", messageTs, "channel_id", channel));
    payload.put("response_url", responseUrl);
    payload.put("actions", List.of(Map.of("type", "button", "action_id", actionId, "block_id", blockId,
        "value", value == null ? "" : value, "action_ts", epochSecond + ".000001")));
    try {
      return sign(form(Map.of("payload", JSON.writeValueAsString(payload))), epochSecond);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Signed sign(String body, long epochSecond) {
    String ts = String.valueOf(epochSecond);
    return new Signed(body, Map.of(
        "Content-Type", "application/x-www-form-urlencoded",
        SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, ts,
        SlackSignature.HeaderNames.X_SLACK_SIGNATURE, signer.generate(ts, body)));
  }

  private static String form(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
