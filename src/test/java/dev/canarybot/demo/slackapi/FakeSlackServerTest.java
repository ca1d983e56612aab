package dev.canarybot.demo.slackapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.composition.BlockCompositions;
import com.slack.api.model.view.Views;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the fake through the real slack-api-client, as the bot will. */
class FakeSlackServerTest {

  private static final String TOKEN = "xoxb-fake1";
  private static final String CHANNEL = "C0CANARY";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2023-11-14T22:13:20Z"), ZoneOffset.UTC);

  private FakeSlackWebApi api;
  private FakeSlackServer server;
  private Slack slack;

  @BeforeEach
  void startServer() throws Exception {
    api = new FakeSlackWebApi(TOKEN, CLOCK)
        .withUserGroup("S0APPROVERS", List.of("U1ALICE", "U2BOB"));
    server = FakeSlackServer.start(api);
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(server.methodsUrlPrefix());
    // Stats would add background threads and an auth.test before the first call of each token.
    config.setStatsEnabled(false);
    slack = Slack.getInstance(config);
  }

  @AfterEach
  void stopServer() throws Exception {
    slack.close();
    server.close();
  }

  private MethodsClient methods() {
    return slack.methods(TOKEN);
  }

  @Test
  void authTestAnswersWithTheBotIdentityForTheRightToken() throws Exception {
    AuthTestResponse response = methods().authTest(r -> r);

    assertThat(response.isOk()).isTrue();
    assertThat(response.getTeamId()).isEqualTo(FakeSlackWebApi.TEAM_ID);
    assertThat(response.getUserId()).isEqualTo(FakeSlackWebApi.BOT_USER_ID);
    assertThat(response.getBotId()).isEqualTo(FakeSlackWebApi.BOT_ID);
  }

  @Test
  void authTestRejectsAnotherToken() throws Exception {
    AuthTestResponse response = slack.methods("xoxb-wrong").authTest(r -> r);

    assertThat(response.isOk()).isFalse();
    assertThat(response.getError()).isEqualTo("invalid_auth");
  }

  @Test
  void theCallRecordNeverHoldsTheToken() throws Exception {
    methods().authTest(r -> r);
    slack.methods().authTest(r -> r.token(TOKEN));

    assertThat(api.calls()).hasSize(2).allSatisfy(call -> {
      assertThat(call.params()).doesNotContainKey("token");
      assertThat(call.params().values()).doesNotContain(TOKEN);
    });
    assertThat(api.calls()).extracting(RecordedCall::status).containsOnly(200);
  }

  @Test
  void postThenUpdateShowsTheLatestVersionInTheChannel() throws Exception {
    ChatPostMessageResponse posted = methods().chatPostMessage(r -> r.channel(CHANNEL)
        .text("api-vs: canary at 10%")
        .blocks(Blocks.asBlocks(Blocks.section(s -> s.text(
            BlockCompositions.markdownText("*api-vs* canary at 10%"))))));
    ChatPostMessageResponse reply = methods().chatPostMessage(r -> r.channel(CHANNEL)
        .threadTs(posted.getTs()).text("5xx 0.0%"));
    ChatUpdateResponse updated = methods().chatUpdate(r -> r.channel(CHANNEL).ts(posted.getTs())
        .text("api-vs: canary at 50%")
        .blocks(Blocks.asBlocks(Blocks.section(s -> s.text(
            BlockCompositions.markdownText("*api-vs* canary at 50%"))))));

    assertThat(posted.isOk()).isTrue();
    assertThat(posted.getChannel()).isEqualTo(CHANNEL);
    assertThat(posted.getTs()).matches("1700000000\\.\\d{6}");
    assertThat(posted.getMessage().getBlocks()).hasSize(1);
    assertThat(reply.getTs()).isGreaterThan(posted.getTs());
    assertThat(updated.isOk()).isTrue();
    assertThat(api.channel(CHANNEL)).extracting(FakeMessage::text)
        .containsExactly("api-vs: canary at 50%", "5xx 0.0%");
    FakeMessage card = api.channel(CHANNEL).get(0);
    assertThat(card.blocks()).contains("canary at 50%");
    assertThat(card.edits()).isEqualTo(1);
    assertThat(api.channel(CHANNEL).get(1).threadTs()).isEqualTo(posted.getTs());
    assertThat(api.channel(CHANNEL).get(1).isReply()).isTrue();
  }

  @Test
  void updateWithTextOnlyRemovesTheBlocksAsSlackDoes() throws Exception {
    ChatPostMessageResponse posted = methods().chatPostMessage(r -> r.channel(CHANNEL).text("t")
        .blocks(Blocks.asBlocks(Blocks.divider())));

    methods().chatUpdate(r -> r.channel(CHANNEL).ts(posted.getTs()).text("plain"));

    assertThat(api.message(CHANNEL, posted.getTs()).orElseThrow().blocks()).isNull();
  }

  @Test
  void invalidBlocksReachTheClientWithSlacksDetail() throws Exception {
    ChatPostMessageResponse response = methods().chatPostMessage(r -> r.channel(CHANNEL).text("t")
        .blocks(Blocks.asBlocks(Blocks.section(s -> s.text(BlockCompositions.markdownText(""))))));

    assertThat(response.isOk()).isFalse();
    assertThat(response.getError()).isEqualTo("invalid_blocks");
    assertThat(response.getResponseMetadata().getMessages()).containsExactly("[ERROR] empty;"
        + " a text object needs at least one character [json-pointer:/blocks/0/text/text]");
    assertThat(api.channel(CHANNEL)).isEmpty();
  }

  @Test
  void updatingAnUnknownMessageIsAnError() throws Exception {
    ChatUpdateResponse response = methods().chatUpdate(r -> r.channel(CHANNEL)
        .ts("1.000000").text("x"));

    assertThat(response.getError()).isEqualTo("message_not_found");
  }

  @Test
  void ephemeralMessagesAreKeptApartFromTheChannel() throws Exception {
    ChatPostEphemeralResponse response = methods().chatPostEphemeral(r -> r.channel(CHANNEL)
        .user("U1ALICE").text("Usage: /canary promote <name>"));

    assertThat(response.isOk()).isTrue();
    assertThat(response.getMessageTs()).isNotBlank();
    assertThat(api.channel(CHANNEL)).isEmpty();
    assertThat(api.ephemerals()).singleElement().satisfies(m -> {
      assertThat(m.text()).startsWith("Usage:");
      assertThat(m.user()).isEqualTo("U1ALICE");
      assertThat(m.ts()).isEqualTo(response.getMessageTs());
    });
  }

  @Test
  void rateLimitSurfacesAsSlackApiExceptionWithRetryAfter() throws Exception {
    ForcedFailures.on(api).rateLimitNext("chat.postMessage", 1, 7);

    assertThatThrownBy(() -> methods().chatPostMessage(r -> r.channel(CHANNEL).text("hi")))
        .isInstanceOfSatisfying(SlackApiException.class, e -> {
          assertThat(e.getResponse().code()).isEqualTo(429);
          assertThat(e.getResponse().header("Retry-After")).isEqualTo("7");
          assertThat(e.getError().getError()).isEqualTo("ratelimited");
        });
    assertThat(methods().chatPostMessage(r -> r.channel(CHANNEL).text("hi")).isOk()).isTrue();
    assertThat(api.calls("chat.postMessage")).extracting(RecordedCall::status)
        .containsExactly(429, 200);
  }

  @Test
  void serverErrorsSurfaceAsSlackApiException() throws Exception {
    ForcedFailures.on(api).failNext("chat.update", 2, 503);

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> methods().chatUpdate(r -> r.channel(CHANNEL).ts("1.0").text("x")))
          .isInstanceOfSatisfying(SlackApiException.class,
              e -> assertThat(e.getResponse().code()).isEqualTo(503));
    }
    assertThat(methods().chatUpdate(r -> r.channel(CHANNEL).ts("1.0").text("x")).getError())
        .isEqualTo("message_not_found");
  }

  @Test
  void filesUploadV2GoesThroughAllThreeStepsAndSharesInTheThread() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3};
    String cardTs = methods().chatPostMessage(r -> r.channel(CHANNEL).text("card")).getTs();

    FilesUploadV2Response response = methods().filesUploadV2(r -> r.channel(CHANNEL)
        .threadTs(cardTs).filename("api-vs.png").title("api-vs latency").fileData(png)
        .initialComment("P95 by version"));

    assertThat(response.isOk()).isTrue();
    String fileId = response.getFile().getId();
    assertThat(response.getFile().getTitle()).isEqualTo("api-vs latency");
    assertThat(api.file(fileId)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(png));
    assertThat(api.calls()).extracting(RecordedCall::method).containsExactly("chat.postMessage",
        "files.getUploadURLExternal", "upload", "files.completeUploadExternal");
    assertThat(api.channel(CHANNEL).get(1)).satisfies(share -> {
      assertThat(share.threadTs()).isEqualTo(cardTs);
      assertThat(share.fileIds()).containsExactly(fileId);
      assertThat(share.text()).isEqualTo("P95 by version");
    });
  }

  @Test
  void completingAFileThatWasNeverUploadedFails() throws Exception {
    var response = methods().filesCompleteUploadExternal(r -> r.files(List.of(
        com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails
            .builder().id("F404").title("x").build())));

    assertThat(response.getError()).isEqualTo("file_not_found");
  }

  @Test
  void userGroupMembersComeFromTheConfiguredMap() throws Exception {
    UsergroupsUsersListResponse approvers =
        methods().usergroupsUsersList(r -> r.usergroup("S0APPROVERS"));
    UsergroupsUsersListResponse unknown =
        methods().usergroupsUsersList(r -> r.usergroup("S0NOBODY"));

    assertThat(approvers.getUsers()).containsExactly("U1ALICE", "U2BOB");
    assertThat(unknown.getError()).isEqualTo("no_such_subteam");
  }

  @Test
  void viewsPublishKeepsTheHomeTabAndViewsOpenAnswersAView() throws Exception {
    ViewsPublishResponse published = methods().viewsPublish(r -> r.userId("U1ALICE")
        .view(Views.view(v -> v.type("home").blocks(Blocks.asBlocks(Blocks.divider())))));
    var opened = methods().viewsOpen(r -> r.triggerId("123.456")
        .view(Views.view(v -> v.type("modal").title(Views.viewTitle(t -> t.type("plain_text")
            .text("Rollback"))).blocks(Blocks.asBlocks(Blocks.divider())))));

    assertThat(published.isOk()).isTrue();
    assertThat(published.getView().getId()).startsWith("V");
    assertThat(api.homeView("U1ALICE")).hasValueSatisfying(v -> assertThat(v).contains("home"));
    assertThat(opened.isOk()).isTrue();
    assertThat(opened.getView().getType()).isEqualTo("modal");
  }

  @Test
  void jsonBodiesAreReadLikeForms() throws Exception {
    var request = java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(server.methodsUrlPrefix() + "chat.postMessage"))
        .header("Content-Type", "application/json; charset=utf-8")
        .header("Authorization", "Bearer " + TOKEN)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"channel\":\"C0CANARY\",\"text\":\"from json\",\"blocks\":[{\"type\":\"divider\"}]}"))
        .build();

    var response = java.net.http.HttpClient.newHttpClient()
        .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("{\"ok\":true");
    assertThat(api.channel(CHANNEL)).singleElement().satisfies(m -> {
      assertThat(m.text()).isEqualTo("from json");
      assertThat(m.blocks()).isEqualTo("[{\"type\":\"divider\"}]");
    });
  }

  @Test
  void unknownMethodsAreRefused() throws Exception {
    var response = methods().conversationsList(r -> r);

    assertThat(response.isOk()).isFalse();
    assertThat(response.getError()).isEqualTo("unknown_method");
  }
}
