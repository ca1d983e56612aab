package dev.canarybot.demo;

import dev.canarybot.demo.slackapi.FakeSlackWebApi;
import dev.canarybot.service.CanaryConfig;
import dev.canarybot.slack.SlackSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * The demo's Slack: the same fake Web API the tests use, holding the channel the page shows.
 * The bot reaches it over HTTP like the real Slack ({@code SLACK_API_URL} in the demo profile).
 */
@ApplicationScoped
public class DemoSlack {
  /** Where the fake's routes live; the demo profile's default {@code slack.api-url} is its {@code api/}. */
  public static final String BASE_PATH = "/demo/slack/";

  private final FakeSlackWebApi api;
  private final String channel;
  private final boolean external;
  private volatile int port = -1;

  public DemoSlack(SlackSettings slack, CanaryConfig canary, DemoConfig demo, Clock clock) {
    this.api = new FakeSlackWebApi(slack.botToken().orElse(""), clock);
    this.channel = canary.channel().orElse(demo.channel());
    this.external = slack.apiUrl().map(url -> !url.contains(BASE_PATH + "api")).orElse(true);
  }

  public FakeSlackWebApi api() {
    return api;
  }

  /** The channel the page shows and the bot posts cards to. */
  public String channel() {
    return channel;
  }

  /** True when SLACK_API_URL points elsewhere (a real workspace): the page then only sends. */
  public boolean external() {
    return external;
  }

  /** Tells the fake its own address, for the upload and response_url links it hands out. */
  public void servedOn(int httpPort) {
    if (httpPort > 0 && httpPort != port) {
      port = httpPort;
      String base = "http://127.0.0.1:" + httpPort + BASE_PATH;
      api.setUploadUrlPrefix(base + "upload/");
      api.setResponseUrlPrefix(base + "response/");
    }
  }
}
