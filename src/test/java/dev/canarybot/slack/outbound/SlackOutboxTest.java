package dev.canarybot.slack.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.canarybot.demo.slackapi.FakeSlackServer;
import dev.canarybot.demo.slackapi.FakeSlackWebApi;
import dev.canarybot.demo.slackapi.ForcedFailures;
import dev.canarybot.slack.SlackSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one way out to Slack: retries what may pass later, fails fast on what never will. */
class SlackOutboxTest {
  FakeSlackServer server;
  MethodsClient methods;
  SimpleMeterRegistry meters = new SimpleMeterRegistry();
  SlackOutbox outbox;

  static SlackSettings settings(int attempts) {
    return new SlackSettings() {
      public Optional<String> botToken() { return Optional.of("xoxb-test"); }
      public Optional<String> signingSecret() { return Optional.empty(); }
      public Optional<String> appToken() { return Optional.empty(); }
      public Optional<String> apiUrl() { return Optional.empty(); }
      public Duration groupCacheTtl() { return Duration.ofMinutes(5); }
      public Duration retryFirstWait() { return Duration.ofMillis(20); }
      public Duration retryMaxWait() { return Duration.ofMillis(50); }
      public int retryAttempts() { return attempts; }
      public boolean checkAtStartup() { return true; }
    };
  }

  @BeforeEach
  void start() throws Exception {
    server = FakeSlackServer.start(new FakeSlackWebApi("xoxb-test", Clock.systemUTC()));
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(server.methodsUrlPrefix());
    config.setStatsEnabled(false);
    methods = Slack.getInstance(config).methods("xoxb-test");
    outbox = new SlackOutbox(settings(4), meters);
  }

  @AfterEach
  void stop() {
    outbox.stop();
    server.close();
  }

  CompletableFuture<ChatPostMessageResponse> post(String text) {
    return outbox.submit("chat.postMessage", () -> methods.chatPostMessage(m -> m.channel("C1").text(text)));
  }

  double count(String outcome) {
    return meters.counter("canary.slack.calls", "method", "chat.postMessage", "outcome", outcome).count();
  }

  @Test
  void serverErrorsAreRetriedUntilTheCallLands() throws Exception {
    ForcedFailures.on(server.api()).failNext("chat.postMessage", 2, 503);
    assertThat(post("hello").get(5, TimeUnit.SECONDS).isOk()).isTrue();
    assertThat(server.api().calls("chat.postMessage")).extracting(c -> c.status()).containsExactly(503, 503, 200);
    assertThat(count("ok")).isEqualTo(1);
  }

  @Test
  void callsLeaveInTheOrderTheyCameEvenAcrossRetries() throws Exception {
    ForcedFailures.on(server.api()).failNext("chat.postMessage", 1, 500);
    CompletableFuture<ChatPostMessageResponse> first = post("card");
    CompletableFuture<ChatPostMessageResponse> second = post("thread line");
    second.get(5, TimeUnit.SECONDS);
    assertThat(first).isDone();
    assertThat(server.api().channel("C1")).extracting(m -> m.text()).containsExactly("card", "thread line");
  }

  @Test
  void aRequestThatCanNeverSucceedFailsAtOnce() {
    CompletableFuture<ChatPostMessageResponse> noChannel =
        outbox.submit("chat.postMessage", () -> methods.chatPostMessage(m -> m.text("no channel")));
    assertThatThrownBy(() -> noChannel.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .hasMessageContaining("chat.postMessage");
    assertThat(server.api().calls("chat.postMessage")).hasSize(1);
    assertThat(count("failed")).isEqualTo(1);
  }

  @Test
  void aCallIsGivenUpOnlyAfterItsTries() {
    ForcedFailures.on(server.api()).failNext("chat.postMessage", 10, 502);
    assertThatThrownBy(() -> post("lost").get(5, TimeUnit.SECONDS)).hasMessageContaining("gave up after 4 tries");
    assertThat(server.api().calls("chat.postMessage")).hasSize(4);
    assertThat(count("dropped")).isEqualTo(1);
  }
}
