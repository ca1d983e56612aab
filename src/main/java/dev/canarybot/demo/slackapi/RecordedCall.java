package dev.canarybot.demo.slackapi;

import java.time.Instant;
import java.util.Map;

/**
 * One call the fake received: the method ("chat.postMessage", or "upload" for a file upload),
 * its parameters without any token, the HTTP status it answered and when.
 */
public record RecordedCall(String method, Map<String, String> params, int status, Instant at) {

  public RecordedCall {
    params = Map.copyOf(params);
  }

  public String param(String name) {
    return params.get(name);
  }
}
