package dev.canarybot.slack.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import dev.canarybot.demo.slackapi.FakeMessage;
import dev.canarybot.demo.slackapi.FakeSlackServer;
import dev.canarybot.demo.slackapi.FakeSlackWebApi;
import dev.canarybot.demo.slackapi.ForcedFailures;
import dev.canarybot.demo.slackapi.RecordedCall;
import dev.canarybot.release.CardRef;
import dev.canarybot.testing.Eventually;
import dev.canarybot.testing.TestSlackSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The way out to Slack: retries what may pass later, fails fast on what never will, and keeps
 * each channel in its own lane, each card in its order, alerts first and summaries last.
 */
class SlackOutboxTest {
  FakeSlackServer server;
  MethodsClient methods;
  SimpleMeterRegistry meters = new SimpleMeterRegistry();
  SlackOutbox outbox;

  @BeforeEach
  void start() throws Exception {
    server = FakeSlackServer.start(new FakeSlackWebApi("xoxb-test", Clock.systemUTC()));
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(server.methodsUrlPrefix());
    config.setStatsEnabled(false);
    methods = Slack.getInstance(config).methods("xoxb-test");
    outbox = new SlackOutbox(TestSlackSettings.fast(), meters);
  }

  @AfterEach
  void stop() {
    outbox.stop();
    server.close();
  }

  FakeSlackWebApi api() {
    return server.api();
  }

  CompletableFuture<ChatPostMessageResponse> post(Kind kind, String channel, String text) {
    return outbox.submit(kind, "chat.postMessage", Where.newMessage(channel),
        () -> methods.chatPostMessage(m -> m.channel(channel).text(text)));
  }

  CompletableFuture<ChatPostMessageResponse> post(String text) {
    return post(Kind.CARD, "C1", text);
  }

  CompletableFuture<ChatPostMessageResponse> reply(Kind kind, CardRef card, String text) {
    return outbox.submit(kind, "chat.postMessage", Where.thread(card),
        () -> methods.chatPostMessage(m -> m.channel(card.channel()).threadTs(card.ts()).text(text)));
  }

  CompletableFuture<ChatUpdateResponse> update(CardRef card, String text) {
    return outbox.submit(Kind.CARD, "chat.update", Where.thread(card),
        () -> methods.chatUpdate(u -> u.channel(card.channel()).ts(card.ts()).text(text)));
  }

  CardRef card(String channel, String text) throws Exception {
    ChatPostMessageResponse posted = post(Kind.CARD, channel, text).get(5, TimeUnit.SECONDS);
    return new CardRef(posted.getChannel(), posted.getTs());
  }

  /**
   * A call that holds its lane until the test opens it, then answers ok without reaching Slack:
   * a lane that cannot send, on demand, with nothing in the fake's record.
   */
  static final class Gate implements SlackOutbox.SlackCall<ChatPostMessageResponse> {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch open = new CountDownLatch(1);

    @Override
    public ChatPostMessageResponse call() throws IOException {
      entered.countDown();
      try {
        open.await();
      } catch (InterruptedException e) {
        throw new IOException("interrupted", e);
      }
      ChatPostMessageResponse ok = new ChatPostMessageResponse();
      ok.setOk(true);
      return ok;
    }

    /** Holds the lane of {@code channel}; returns once the gate is the call in flight there. */
    CompletableFuture<ChatPostMessageResponse> hold(SlackOutbox outbox, String channel) throws Exception {
      CompletableFuture<ChatPostMessageResponse> held =
          outbox.submit(Kind.CARD, "chat.postMessage", Where.newMessage(channel), this);
      assertThat(entered.await(10, TimeUnit.SECONDS)).as("the gate is in flight").isTrue();
      return held;
    }
  }

  /** The texts Slack received in {@code card}'s conversation, in arrival order, with each answer. */
  List<RecordedCall> conversation(CardRef card) {
    return api().calls().stream()
        .filter(c -> c.method().equals("chat.update") && card.ts().equals(c.param("ts"))
            || c.method().equals("chat.postMessage") && card.ts().equals(c.param("thread_ts")))
        .toList();
  }

  double count(String outcome) {
    return meters.counter("canary.slack.calls", "method", "chat.postMessage", "outcome", outcome).count();
  }

  @Test
  void serverErrorsAreRetriedUntilTheCallLands() throws Exception {
    ForcedFailures.on(api()).failNext("chat.postMessage", 2, 503);
    assertThat(post("hello").get(5, TimeUnit.SECONDS).isOk()).isTrue();
    assertThat(api().calls("chat.postMessage")).extracting(c -> c.status()).containsExactly(503, 503, 200);
    assertThat(count("ok")).isEqualTo(1);
    assertThat(meters.counter("canary.slack.retries", "method", "chat.postMessage", "reason", "5xx").count())
        .isEqualTo(2);
  }

  @Test
  void callsOfOneChannelLeaveInTheOrderTheyCameEvenAcrossRetries() throws Exception {
    ForcedFailures.on(api()).failNext("chat.postMessage", 1, 500);
    CompletableFuture<ChatPostMessageResponse> first = post("card");
    CompletableFuture<ChatPostMessageResponse> second = post("thread line");
    second.get(5, TimeUnit.SECONDS);
    assertThat(first).isDone();
    assertThat(api().channel("C1")).extracting(m -> m.text()).containsExactly("card", "thread line");
  }

  @Test
  void aRequestThatCanNeverSucceedFailsAtOnce() {
    CompletableFuture<ChatPostMessageResponse> noChannel = outbox.submit(Kind.CARD, "chat.postMessage",
        Where.newMessage("C1"), () -> methods.chatPostMessage(m -> m.text("no channel")));
    assertThatThrownBy(() -> noChannel.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .hasMessageContaining("chat.postMessage");
    assertThat(api().calls("chat.postMessage")).hasSize(1);
    assertThat(count("failed")).isEqualTo(1);
  }

  @Test
  void aCallIsGivenUpOnlyAfterItsTries() {
    ForcedFailures.on(api()).failNext("chat.postMessage", 10, 502);
    assertThatThrownBy(() -> post("lost").get(5, TimeUnit.SECONDS)).hasMessageContaining("gave up after 4 tries");
    assertThat(api().calls("chat.postMessage")).hasSize(4);
    assertThat(count("dropped")).isEqualTo(1);
  }

  @Test
  void aRetryAfterOnOneChannelDoesNotDelayAnAlertOnAnother() {
    ForcedFailures.on(api()).rateLimitNextIn("C0A", "chat.postMessage", 1, 60);
    // Both alerts: no urgency tells them apart, only the lanes do.
    CompletableFuture<ChatPostMessageResponse> inA = post(Kind.ALERT, "C0A", "alert in A");
    Eventually.await("channel A rate-limited", () -> api().calls("chat.postMessage"),
        calls -> calls.stream().anyMatch(c -> c.status() == 429));

    ChatPostMessageResponse inB = post(Kind.ALERT, "C0B", "alert in B").join();

    // One lane for the workspace would hold B until A's 60 s were over, and A, queued first,
    // would land first.
    assertThat(inB.isOk()).isTrue();
    assertThat(inA).isNotDone();
    assertThat(api().calls("chat.postMessage")).extracting(c -> c.param("channel"), c -> c.status())
        .containsExactly(tuple("C0A", 429), tuple("C0B", 200));
    assertThat(meters.counter("canary.slack.retries", "method", "chat.postMessage", "reason", "429").count())
        .isEqualTo(1);
  }

  @Test
  void aCardsUpdatesAndRepliesKeepTheirOrderUnderRetries() throws Exception {
    CardRef card = card("C1", "card v1");
    Gate gate = new Gate();
    CompletableFuture<ChatPostMessageResponse> held = gate.hold(outbox, "C1");
    ForcedFailures.on(api()).failNextIn("C1", "chat.update", 2, 503).failNextIn("C1", "chat.postMessage", 1, 502);
    List<CompletableFuture<?>> sent = List.of(
        update(card, "card v2"),
        reply(Kind.THREAD_LINE, card, "line 1"),
        post(Kind.ALERT, "C1", "an alert meanwhile"),
        update(card, "card v3"),
        reply(Kind.THREAD_LINE, card, "line 2"));
    gate.open.countDown();
    held.get(5, TimeUnit.SECONDS);
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

    // The alert, a conversation of its own, leaves first and meets the 502; the card's own calls
    // leave one after the other, each retried in its place.
    assertThat(api().calls("chat.postMessage")).filteredOn(c -> "an alert meanwhile".equals(c.param("text")))
        .extracting(c -> c.status()).containsExactly(502, 200);
    assertThat(conversation(card)).extracting(c -> c.param("text"), c -> c.status()).containsExactly(
        tuple("card v2", 503), tuple("card v2", 503), tuple("card v2", 200),
        tuple("line 1", 200), tuple("card v3", 200), tuple("line 2", 200));
    assertThat(api().message("C1", card.ts()).orElseThrow().text()).isEqualTo("card v3");
    assertThat(api().channel("C1")).filteredOn(m -> card.ts().equals(m.threadTs()))
        .extracting(FakeMessage::text).containsExactly("line 1", "line 2");
  }

  @Test
  void anAlertOvertakesQueuedSummariesButNotTheCardsOwnOrder() throws Exception {
    CardRef card = card("C1", "card");
    Gate gate = new Gate();
    CompletableFuture<ChatPostMessageResponse> held = gate.hold(outbox, "C1");
    List<CompletableFuture<?>> queued = List.of(
        reply(Kind.SUMMARY, card, "summary 1"),
        reply(Kind.SUMMARY, card, "summary 2"),
        reply(Kind.THREAD_LINE, card, "promoted to 50 %"),
        post(Kind.ALERT, "C1", "breach!"));
    gate.open.countDown();
    held.get(5, TimeUnit.SECONDS);
    CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

    // Queued in this order: summary 1, summary 2, the thread line (behind them in its thread),
    // then the alert, a conversation of its own and the most urgent: it leaves first.
    assertThat(api().calls("chat.postMessage")).extracting(c -> c.param("text")).containsExactly(
        "card", "breach!", "summary 1", "summary 2", "promoted to 50 %");
  }

  @Test
  void underSustainedBackPressureOnlySummariesAreDroppedOldestOfTheSameCardFirst() throws Exception {
    outbox.stop();
    meters = new SimpleMeterRegistry();
    outbox = new SlackOutbox(TestSlackSettings.fast().withSummaryBacklog(3), meters);
    CardRef x = card("C1", "card X");
    CardRef y = card("C1", "card Y");
    Gate gate = new Gate();
    CompletableFuture<ChatPostMessageResponse> held = gate.hold(outbox, "C1");

    CompletableFuture<?> x1 = reply(Kind.SUMMARY, x, "X summary 1");
    CompletableFuture<?> lineX1 = reply(Kind.THREAD_LINE, x, "X line 1");
    CompletableFuture<?> x2 = reply(Kind.SUMMARY, x, "X summary 2");
    CompletableFuture<?> y1 = reply(Kind.SUMMARY, y, "Y summary 1");
    // 4 summaries wait (X1 X2 Y1 X3) > 3: X's oldest, X1, goes.
    CompletableFuture<?> x3 = reply(Kind.SUMMARY, x, "X summary 3");
    CompletableFuture<?> updateX = update(x, "card X redrawn");
    // X2 Y1 X3 X4: X2 goes.
    CompletableFuture<?> x4 = reply(Kind.SUMMARY, x, "X summary 4");
    // Y1 X3 X4 Y2: Y1 goes.
    CompletableFuture<?> y2 = reply(Kind.SUMMARY, y, "Y summary 2");
    CompletableFuture<?> lineX2 = reply(Kind.THREAD_LINE, x, "X line 2");

    for (CompletableFuture<?> dropped : List.of(x1, x2, y1)) {
      assertThatThrownBy(() -> dropped.get(5, TimeUnit.SECONDS)).hasMessageContaining("dropped: backlog");
    }
    gate.open.countDown();
    held.get(5, TimeUnit.SECONDS);
    CompletableFuture.allOf(lineX1, x3, updateX, x4, y2, lineX2).get(10, TimeUnit.SECONDS);

    assertThat(conversation(x)).extracting(c -> c.param("text")).containsExactly(
        "X line 1", "X summary 3", "card X redrawn", "X summary 4", "X line 2");
    assertThat(conversation(y)).extracting(c -> c.param("text")).containsExactly("Y summary 2");
    assertThat(meters.counter("canary.slack.dropped", "method", "chat.postMessage", "reason", "backlog").count())
        .isEqualTo(3);
    Eventually.await("nothing pending", outbox::pending, n -> n == 0);
  }

  @Test
  void callsNotSentWhenTheBotStopsAreToldSo() throws Exception {
    ForcedFailures.on(api()).rateLimitNextIn("C1", "chat.postMessage", 1, 60);
    CompletableFuture<ChatPostMessageResponse> waiting = post("card");
    Eventually.await("the 429", () -> api().calls("chat.postMessage"), calls -> !calls.isEmpty());
    CompletableFuture<ChatPostMessageResponse> behind = post("line");

    // Both wait out a 60 s Retry-After: stopping does not wait for it, and says what was lost.
    outbox.stop();

    assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).hasMessageContaining("dropped: shutdown");
    assertThatThrownBy(() -> behind.get(5, TimeUnit.SECONDS)).hasMessageContaining("dropped: shutdown");
    assertThat(meters.counter("canary.slack.dropped", "method", "chat.postMessage", "reason", "shutdown").count())
        .isEqualTo(2);
    assertThatThrownBy(() -> post("after").get(5, TimeUnit.SECONDS)).hasMessageContaining("stopping");
  }

  @Test
  void anIdleLaneGoesAway() throws Exception {
    post(Kind.CARD, "C1", "one").get(5, TimeUnit.SECONDS);
    post(Kind.CARD, "C2", "two").get(5, TimeUnit.SECONDS);
    Eventually.await("no lane left", () -> meters.get("canary.slack.lanes").gauge().value(), lanes -> lanes == 0);
    assertThat(outbox.pending()).isZero();
    // A channel used again gets a new lane.
    assertThat(post(Kind.CARD, "C1", "three").get(5, TimeUnit.SECONDS).isOk()).isTrue();
  }
}
