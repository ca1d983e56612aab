package dev.canarybot.demo;

import dev.canarybot.demo.slackapi.WebApiParams;
import dev.canarybot.slack.SlackSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * What the page's command box and buttons do: build the request Slack would send, sign it and
 * post it to the bot's {@code /slack/events}, the same code path as real Slack.
 */
@ApplicationScoped
public class DemoActions {
  /** The bot's answer to the signed request (Slack shows a 200 with a body as the user's reply). */
  public record Answer(int status, String body) {}

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final SignedSlackRequests requests;
  private final DemoSlack slack;
  private final Clock clock;

  public DemoActions(SlackSettings settings, DemoSlack slack, Clock clock) {
    this.requests = new SignedSlackRequests(settings.signingSecret().orElse(""));
    this.slack = slack;
    this.clock = clock;
  }

  public Answer command(int port, String user, String text) {
    slack.servedOn(port);
    String channel = slack.channel();
    return shown(channel, user, post(port, requests.command(user, channel, text,
        slack.api().newResponseUrl(channel, user), clock.instant().getEpochSecond())));
  }

  public Answer click(int port, String user, String messageTs, String blockId, String actionId, String value) {
    slack.servedOn(port);
    String channel = slack.channel();
    return shown(channel, user, post(port, requests.click(user, channel, messageTs, blockId, actionId, value,
        slack.api().newResponseUrl(channel, user), clock.instant().getEpochSecond())));
  }

  /**
   * Slack shows a non-empty acknowledgement body to the acting user as an ephemeral reply; the
   * fake's response_url reply is exactly that, so the page shows it the same way.
   */
  private Answer shown(String channel, String user, Answer answer) {
    String body = answer.body() == null ? "" : answer.body().trim();
    if (answer.status() == 200 && !body.isEmpty()) {
      Map<String, String> reply = body.startsWith("{")
          ? WebApiParams.json(body.getBytes(StandardCharsets.UTF_8)) : Map.of("text", body);
      String url = slack.api().newResponseUrl(channel, user);
      slack.api().respond(url.substring(url.lastIndexOf('/') + 1), reply);
    }
    return answer;
  }

  private Answer post(int port, SignedSlackRequests.Signed signed) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
        .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(signed.body()));
    signed.headers().forEach(request::header);
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Answer(502, "the bot did not answer: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(503, "interrupted");
    }
  }
}
