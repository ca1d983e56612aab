package dev.canarybot.demo.slackapi;

import java.util.Map;

/** An HTTP answer of the fake: status, headers and a JSON (or plain) body. */
public record FakeResponse(int status, Map<String, String> headers, String body) {

  public FakeResponse {
    headers = Map.copyOf(headers);
  }

  static FakeResponse json(String body) {
    return new FakeResponse(200, Map.of("Content-Type", "application/json; charset=utf-8"), body);
  }
}
