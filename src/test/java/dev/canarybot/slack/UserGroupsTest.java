package dev.canarybot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import dev.canarybot.demo.slackapi.FakeSlackServer;
import dev.canarybot.demo.slackapi.FakeSlackWebApi;
import dev.canarybot.demo.slackapi.ForcedFailures;
import dev.canarybot.demo.slackapi.RecordedCall;
import dev.canarybot.release.CardRef;
import dev.canarybot.slack.AccessPolicy.Need;
import dev.canarybot.slack.outbound.Kind;
import dev.canarybot.slack.outbound.SlackOutbox;
import dev.canarybot.slack.outbound.Where;
import dev.canarybot.testing.Eventually;
import dev.canarybot.testing.MutableClock;
import dev.canarybot.testing.TestSlackSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * User groups never lock operators out: lookups have their own lane, a failed or slow lookup
 * keeps the members last read and is retried later, and a group never read has nobody in it.
 * Cache TTL 5 min, retry back-off 30 s, four tries per lookup ({@link TestSlackSettings#fast()}).
 */
class UserGroupsTest {
  static final String GROUP = "S0OPS";
  static final String ALICE = "U0ALICE";
  static final String BOB = "U0BOB";
  static final String LOOKUP = "usergroups.users.list";

  FakeSlackServer server;
  MethodsClient methods;
  SlackOutbox outbox;
  MutableClock clock = new MutableClock();

  @BeforeEach
  void start() throws Exception {
    server = FakeSlackServer.start(new FakeSlackWebApi("xoxb-test", Clock.systemUTC()));
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(server.methodsUrlPrefix());
    config.setStatsEnabled(false);
    methods = Slack.getInstance(config).methods("xoxb-test");
    outbox = new SlackOutbox(TestSlackSettings.fast(), new SimpleMeterRegistry());
  }

  @AfterEach
  void stop() {
    outbox.stop();
    server.close();
  }

  FakeSlackWebApi api() {
    return server.api();
  }

  UserGroups groups(TestSlackSettings settings) {
    return new UserGroups(methods, outbox, settings, clock);
  }

  List<RecordedCall> lookups() {
    return api().calls(LOOKUP);
  }

  /** A card in C1 whose next chat.update meets a 60 s Retry-After; returns that update, waiting. */
  CompletableFuture<ChatUpdateResponse> rateLimitedUpdateInC1() throws Exception {
    ChatPostMessageResponse card = outbox.submit(Kind.CARD, "chat.postMessage", Where.newMessage("C1"),
        () -> methods.chatPostMessage(m -> m.channel("C1").text("card"))).get(5, TimeUnit.SECONDS);
    ForcedFailures.on(api()).rateLimitNextIn("C1", "chat.update", 1, 60);
    CompletableFuture<ChatUpdateResponse> update = outbox.submit(Kind.CARD, "chat.update",
        Where.thread(new CardRef("C1", card.getTs())),
        () -> methods.chatUpdate(u -> u.channel("C1").ts(card.getTs()).text("card, redrawn")));
    Eventually.await("chat.update rate-limited", () -> api().calls("chat.update"),
        calls -> calls.stream().anyMatch(c -> c.status() == 429));
    return update;
  }

  @Test
  void aLookupCompletesWhileChatUpdateIsRateLimited() throws Exception {
    api().withUserGroup(GROUP, List.of(ALICE));
    CompletableFuture<ChatUpdateResponse> update = rateLimitedUpdateInC1();

    assertThat(groups(TestSlackSettings.fast()).contains(GROUP, ALICE)).isTrue();

    // Behind the card's lane the lookup would have waited out the 60 s and timed out first.
    assertThat(update).isNotDone();
    assertThat(lookups()).extracting(RecordedCall::status).containsExactly(200);
  }

  @Test
  void aFailedLookupKeepsTheLastMembersAndALaterAskRetries() {
    UserGroups groups = groups(TestSlackSettings.fast());
    api().withUserGroup(GROUP, List.of(ALICE));
    assertThat(groups.contains(GROUP, ALICE)).isTrue();

    clock.advance(Duration.ofMinutes(6));
    ForcedFailures.on(api()).failNext(LOOKUP, 4, 503);
    api().withUserGroup(GROUP, List.of(BOB));

    // Four tries, all 503: the lookup is given up, Alice (last read) still counts, Bob (unread) not.
    assertThat(groups.contains(GROUP, ALICE)).isTrue();
    assertThat(lookups()).extracting(RecordedCall::status).containsExactly(200, 503, 503, 503, 503);
    assertThat(groups.contains(GROUP, BOB)).as("within the 30 s back-off: no new ask").isFalse();
    assertThat(lookups()).hasSize(5);

    clock.advance(Duration.ofSeconds(30));
    assertThat(groups.contains(GROUP, BOB)).isTrue();
    assertThat(groups.contains(GROUP, ALICE)).isFalse();
    assertThat(lookups()).extracting(RecordedCall::status).containsExactly(200, 503, 503, 503, 503, 200);
  }

  @Test
  void aLookupThatTakesTooLongKeepsTheLastMembersAndIsNotSentTwice() {
    UserGroups groups = groups(TestSlackSettings.fast().withGroupLookupWait(Duration.ofSeconds(1)));
    api().withUserGroup(GROUP, List.of(ALICE));
    // Should the first read outlast the wait, it still lands in the cache when it ends.
    Eventually.await("Alice read", () -> groups.contains(GROUP, ALICE), in -> in);
    int before = lookups().size();

    clock.advance(Duration.ofMinutes(6));
    ForcedFailures.on(api()).rateLimitNext(LOOKUP, 1, 60);
    api().withUserGroup(GROUP, List.of(BOB));

    assertThat(groups.contains(GROUP, ALICE)).as("no answer within 1 s: the last members stay").isTrue();
    assertThat(groups.contains(GROUP, BOB)).isFalse();
    clock.advance(Duration.ofSeconds(30));
    assertThat(groups.contains(GROUP, ALICE)).as("after the back-off: the same lookup, still waiting").isTrue();
    assertThat(lookups().subList(before, lookups().size())).extracting(RecordedCall::status)
        .as("one lookup sent, rate-limited, not sent again").containsExactly(429);
  }

  @Test
  void aGroupNeverReadIsEmptyAndAFailureIsNotCachedForTheTtl() {
    UserGroups groups = groups(TestSlackSettings.fast());

    // Slack does not know the group (yet): no_such_subteam, a failure, not "no members".
    assertThat(groups.contains(GROUP, ALICE)).isFalse();
    api().withUserGroup(GROUP, List.of(ALICE));
    assertThat(groups.contains(GROUP, ALICE)).as("within the back-off").isFalse();
    assertThat(lookups()).hasSize(1);

    clock.advance(Duration.ofSeconds(30));
    assertThat(groups.contains(GROUP, ALICE)).as("30 s later, well within the 5 min TTL").isTrue();
    assertThat(lookups()).hasSize(2);
  }

  @Test
  void aGroupThatReallyIsEmptyIsCachedAsSuch() {
    UserGroups groups = groups(TestSlackSettings.fast());
    api().withUserGroup(GROUP, List.of());
    assertThat(groups.contains(GROUP, ALICE)).isFalse();
    assertThat(groups.contains(GROUP, BOB)).isFalse();
    assertThat(lookups()).hasSize(1);
  }

  @Test
  void anApproverThroughAGroupMayRollBackAndPromoteWhileSlackPushesBack() throws Exception {
    UserGroups groups = groups(TestSlackSettings.fast());
    AccessPolicy policy = new AccessPolicy(AccessPolicyTest.config(List.of(), false), groups);
    api().withUserGroup("S0APPROVERS", List.of("U0GROUPIE"));
    CompletableFuture<ChatUpdateResponse> update = rateLimitedUpdateInC1();

    assertThat(policy.refusal("U0GROUPIE", Need.OPERATE, "C1")).as("rollback").isEmpty();
    assertThat(policy.refusal("U0GROUPIE", Need.APPROVE, "C1")).as("promote").isEmpty();
    assertThat(update).isNotDone();

    clock.advance(Duration.ofMinutes(6));
    ForcedFailures.on(api()).failNext(LOOKUP, 4, 503);
    assertThat(policy.refusal("U0GROUPIE", Need.OPERATE, "C1")).as("rollback, Slack failing").isEmpty();
  }

  @Test
  void aMemberOfAGroupNeverReadIsRefusedWithTheRule() {
    AccessPolicy policy = new AccessPolicy(AccessPolicyTest.config(List.of(), false),
        groups(TestSlackSettings.fast()));
    api().withUserGroup("S0APPROVERS", List.of("U0GROUPIE"));
    ForcedFailures.on(api()).failNext(LOOKUP, 4, 503);

    assertThat(policy.refusal("U0GROUPIE", Need.APPROVE, "C1")).contains(
        "only approvers may do that, and <@U0GROUPIE> is not one (setting CANARY_APPROVERS)");
  }
}
