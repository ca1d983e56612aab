package dev.canarybot.slack.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Whether a body is shaped like what Slack sends, checked before Bolt's parser, which throws on
 * bad percent-encoding, a {@code payload} that is not JSON or a JSON body that is not an object
 * (a 500 with a stack trace) and logs an unrecognised body whole at WARN: a form
 * ({@code application/x-www-form-urlencoded}, a slash command or a {@code payload} field holding
 * a JSON object with a {@code type}) or a JSON object with a {@code type} (Events API).
 */
final class SlackPayloads {
  /** Strict like Bolt's Gson, which refuses text after the JSON value. */
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private SlackPayloads() {}

  /** The body as text, or empty when it is not UTF-8. */
  static Optional<String> text(byte[] body) {
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** What is wrong with the body's shape, in a few words, or empty when Bolt may parse it. */
  static Optional<String> problem(String body) {
    String trimmed = body.trim();
    if (trimmed.isEmpty()) {
      return Optional.of("the body is empty");
    }
    char first = trimmed.charAt(0);
    if (first == '{' || first == '[') {
      return isObjectWithType(trimmed) ? Optional.empty()
          : Optional.of("the JSON body is not an object with a \"type\"");
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String name;
      String value;
      try {
        name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.of("the form body is not valid URL encoding");
      }
      if (name.trim().equals("payload") && !isObjectWithType(value)) {
        return Optional.of("the payload field is not a JSON object with a \"type\"");
      }
    }
    return Optional.empty();
  }

  private static boolean isObjectWithType(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return node != null && node.isObject() && node.path("type").isTextual();
    } catch (JsonProcessingException e) {
      return false;
    }
  }
}
