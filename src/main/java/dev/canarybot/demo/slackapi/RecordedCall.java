package dev.canarybot.demo.slackapi;

import java.time.Instant;
import java.util.Map;

/**
 * One call the fake received: the method ("chat.postMessage", or "upload" for a file upload),
 * its parameters without any token, the HTTP status it answered and when. {@code error} is the
 * error Slack would name ("invalid_blocks", "no_text"), null when the call was answered ok;
 * {@code problem} says what broke a Block Kit rule and where, null unless that was the refusal.
 */
public record RecordedCall(String method, Map<String, String> params, int status, Instant at,
    String error, String problem) {

  public RecordedCall {
    params = Map.copyOf(params);
  }

  /** A call that was answered ok. */
  public RecordedCall(String method, Map<String, String> params, int status, Instant at) {
    this(method, params, status, at, null, null);
  }

  public String param(String name) {
    return params.get(name);
  }

  /** True when Slack would have refused it: an error, a rate limit or a server error. */
  public boolean refused() {
    return error != null || status >= 400;
  }
}
