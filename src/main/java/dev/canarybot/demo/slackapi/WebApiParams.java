package dev.canarybot.demo.slackapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Web API call's fields as {@link FakeSlackWebApi#handle} takes them, from a form or a JSON
 * body. Shared by every transport that serves the fake (the JDK server in tests, the demo's
 * Vert.x routes), so both read a request the same way.
 */
public final class WebApiParams {
  private static final ObjectMapper JSON = new ObjectMapper();

  private WebApiParams() {}

  /** The fields of a query string or a form body, query fields first. */
  public static Map<String, String> of(String query, String contentType, byte[] body) {
    Map<String, String> params = new LinkedHashMap<>(query == null ? Map.of() : form(query));
    params.putAll(isJson(contentType) ? json(body) : form(new String(body, StandardCharsets.UTF_8)));
    return params;
  }

  static boolean isJson(String contentType) {
    return contentType != null && contentType.toLowerCase().startsWith("application/json");
  }

  public static Map<String, String> form(String form) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      params.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  /** Top-level fields of a JSON body; nested values stay JSON text, as in a form. */
  public static Map<String, String> json(byte[] body) {
    Map<String, String> params = new LinkedHashMap<>();
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      return params;
    }
    if (root == null || !root.isObject()) {
      return params;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      params.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
    }
    return params;
  }
}
