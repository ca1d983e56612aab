package dev.canarybot.slack;

import static dev.canarybot.slack.SlackProfile.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import dev.canarybot.testing.FakeSlack;
import dev.canarybot.testing.LogCapture;
import dev.canarybot.testing.MutableClock;
import dev.canarybot.testing.SignedSlack;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What /slack/events does with bodies it must not trust: too large is 413 before anything reads
 * it, malformed is a short 400 (no stack trace in the answer or the log), and no body is ever
 * logged whole.
 */
@QuarkusTest
@TestProfile(SlackProfile.class)
@WithKubernetesTestServer(crud = true)
class SlackBodyTest {
  /** Far above any line the bot writes about a request, far below the bodies sent here. */
  static final int LONGEST_LOG_LINE = 2_000;

  @TestHTTPResource("/slack/events") URI events;
  @Inject MutableClock clock;

  SignedSlack slack;
  LogCapture log;

  @BeforeEach
  void fresh() {
    clock.followSystemTime();
    FakeSlack.api().reset();
    slack = new SignedSlack(events, FakeSlack.SECRET, FakeSlack.api());
    log = LogCapture.of("");
  }

  @AfterEach
  void detach() {
    log.close();
  }

  static String helpWithFiller(int fillerBytes) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("team_id", "T0CANARY");
    form.put("channel_id", FakeSlack.CHANNEL);
    form.put("user_id", OPERATOR);
    form.put("command", "/canary");
    form.put("text", "help");
    form.put("filler", "x".repeat(fillerBytes));
    return SignedSlack.formBody(form);
  }

  SignedSlack.Answer signedJson(String json) {
    String ts = SignedSlack.now();
    return slack.send(json, Map.of("Content-Type", "application/json",
        SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, ts,
        SlackSignature.HeaderNames.X_SLACK_SIGNATURE, new SlackSignature.Generator(FakeSlack.SECRET).generate(ts, json)));
  }

  static String form(String name, String value) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void aTwoMegabyteBodyIsRefusedWith413BeforeItIsRead() {
    // Validly signed: read, it would be answered 200 with the usage.
    SignedSlack.Answer answer = slack.post(helpWithFiller(2 * 1024 * 1024), SignedSlack.now());

    assertThat(answer.status()).isEqualTo(413);
    assertThat(log.lines()).extracting(LogCapture.Line::logger).doesNotContain(
        "dev.canarybot.slack.inbound.SlackEventsResource");
  }

  @Test
  void aBodyJustUnderTheLimitIsStillRead() {
    SignedSlack.Answer answer = slack.post(helpWithFiller(900 * 1024), SignedSlack.now());

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains("Usage");
  }

  @Test
  void malformedSignedPayloadsGetAShort400AndNoStackTrace() {
    Map<String, SignedSlack.Answer> answers = new LinkedHashMap<>();
    answers.put("bad percent-encoding", slack.post("payload=%ZZ%7B", SignedSlack.now()));
    answers.put("a payload that is not JSON", slack.post(form("payload", "not json at all"), SignedSlack.now()));
    answers.put("a payload cut short", slack.post(form("payload", "{\"type\":\"block_actions\","), SignedSlack.now()));
    answers.put("a payload that is a JSON array", slack.post(form("payload", "[1,2]"), SignedSlack.now()));
    answers.put("a JSON body that is an array", signedJson("[{\"type\":\"event_callback\"}]"));
    answers.put("a JSON body cut short", signedJson("{\"type\":\"event_callback\",\"event\":"));
    answers.put("a JSON body with text after it", signedJson("{\"type\":\"event_callback\"} trailing"));

    answers.forEach((what, answer) -> {
      assertThat(answer.status()).as(what).isEqualTo(400);
      assertThat(answer.body()).as(what).startsWith("malformed Slack request: ").hasSizeLessThan(200)
          .doesNotContain("Exception", "\tat ");
    });
    assertThat(log.lines()).as("no stack trace logged").allSatisfy(l -> {
      assertThat(l.thrown()).as(l.text()).isNull();
      assertThat(l.level()).as(l.text()).isNotIn("ERROR", "SEVERE");
    });
  }

  @Test
  void boltsVerifierNeverLogsAtDebugWhereItWritesTheBody() {
    // application.properties pins it, so raising com.slack to DEBUG does not bring bodies with it.
    assertThat(java.util.logging.Logger.getLogger("com.slack.api.app_backend.SlackSignature$Verifier").getLevel())
        .isEqualTo(org.jboss.logmanager.Level.INFO);
    assertThat(java.util.logging.Logger.getLogger("com.slack.api.bolt.util.SlackRequestParser").getLevel())
        .isEqualTo(org.jboss.logmanager.Level.ERROR);
  }

  @Test
  void aHundredKilobyteUnrecognisedBodyLeavesNoLongLogLine() {
    String junk = "A".repeat(100 * 1024);
    String unknownForm = form("junk", junk);
    String unknownPayload = form("payload", "{\"type\":\"not_a_slack_type\",\"junk\":\"" + junk + "\"}");
    String unknownEvent = "{\"type\":\"not_a_slack_type\",\"junk\":\"" + junk + "\"}";

    Map<String, Integer> statuses = new LinkedHashMap<>();
    statuses.put("unsigned form", slack.send(unknownForm, Map.of()).status());
    statuses.put("unsigned JSON", slack.send(unknownEvent, Map.of("Content-Type", "application/json")).status());
    statuses.put("signed form", slack.post(unknownForm, SignedSlack.now()).status());
    statuses.put("signed payload", slack.post(unknownPayload, SignedSlack.now()).status());
    statuses.put("signed JSON", signedJson(unknownEvent).status());

    assertThat(log.lines()).as("what was logged about them").isNotEmpty()
        .allSatisfy(l -> assertThat(l.text().length()).as(l.logger() + ": " + l.text().substring(0,
            Math.min(200, l.text().length()))).isLessThan(LONGEST_LOG_LINE));
    assertThat(statuses).containsExactly(Map.entry("unsigned form", 401), Map.entry("unsigned JSON", 401),
        Map.entry("signed form", 400), Map.entry("signed payload", 400), Map.entry("signed JSON", 400));
  }
}
