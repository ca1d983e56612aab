package dev.canarybot.demo.slackapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The fake's logic without HTTP. */
class FakeSlackWebApiTest {

  private static final Clock STOPPED =
      Clock.fixed(Instant.parse("2023-11-14T22:13:20Z"), ZoneOffset.UTC);
  private static final Pattern TS = Pattern.compile("\"ts\":\"([0-9.]+)\"");

  private final FakeSlackWebApi api = new FakeSlackWebApi("xoxb-t", STOPPED);

  @Test
  void timestampsStayUniqueAndIncreasingUnderConcurrentPostsWithAStoppedClock()
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<String>> posts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      posts.add(pool.submit(() -> tsOf(api.handle("chat.postMessage",
          Map.of("channel", "C1", "text", "x"), "Bearer xoxb-t").body())));
    }
    List<String> timestamps = new ArrayList<>();
    for (Future<String> post : posts) {
      timestamps.add(post.get());
    }
    pool.shutdown();

    assertThat(timestamps).doesNotHaveDuplicates().allMatch(ts -> ts.startsWith("1700000000."));
    assertThat(api.channel("C1")).hasSize(200);
    assertThat(api.channel("C1")).extracting(FakeMessage::ts).isSorted();
    assertThat(api.calls("chat.postMessage")).hasSize(200);
  }

  @Test
  void missingAuthIsNotAuthedAndUnknownMethodWinsOverAuth() {
    assertThat(api.handle("auth.test", Map.of(), null).body()).contains("not_authed");
    assertThat(api.handle("chat.delete", Map.of(), null).body()).contains("unknown_method");
  }

  @Test
  void postingWithoutTextOrBlocksIsRefused() {
    assertThat(api.handle("chat.postMessage", Map.of("channel", "C1"), "Bearer xoxb-t").body())
        .contains("no_text");
    assertThat(api.handle("chat.postMessage", Map.of("channel", "C1", "blocks", "{not json"),
        "Bearer xoxb-t").body()).contains("invalid_blocks");
  }

  @Test
  void onlyServerErrorsCanBeForcedWithFailNext() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ForcedFailures.on(api).failNext("auth.test", 1, 404))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String tsOf(String body) {
    Matcher matcher = TS.matcher(body);
    return matcher.find() ? matcher.group(1) : null;
  }
}
