package dev.canarybot.slack.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which call of a lane leaves next, and which summaries back-pressure drops: as values, from
 * scripts of calls queued in order. A call is written {@code KIND thread name}; a thread of
 * {@code -} is a new top-level message.
 */
class LaneQueueTest {

  record Call(Kind kind, String thread, long seq, String name) implements LaneQueue.Entry {}

  /** The queue and what it dropped, after queuing {@code script} in order. */
  record Run(LaneQueue<Call> queue, List<String> dropped) {
    List<String> leaving() {
      List<String> names = new ArrayList<>();
      for (Call c = queue.take(); c != null; c = queue.take()) {
        names.add(c.name());
      }
      return names;
    }
  }

  static Call call(String spec, long seq) {
    String[] p = spec.split(" ");
    return new Call(Kind.valueOf(p[0]), p[1].equals("-") ? null : p[1], seq, p[2]);
  }

  static Run queue(int summaryLimit, String... script) {
    LaneQueue<Call> queue = new LaneQueue<>(summaryLimit);
    List<String> dropped = new ArrayList<>();
    long seq = 0;
    for (String spec : script) {
      queue.add(call(spec, ++seq)).forEach(d -> dropped.add(d.name()));
    }
    return new Run(queue, dropped);
  }

  record Row(String rule, String[] script, List<String> leaving) {}

  @Test
  void whatLeavesNext() {
    List<Row> rows = List.of(
        new Row("one thread keeps its order, whatever the kinds",
            new String[] {"SUMMARY X s1", "THREAD_LINE X l1", "CARD X u1", "SUMMARY X s2"},
            List.of("s1", "l1", "u1", "s2")),
        new Row("an alert goes before another thread's card update, which goes before a summary",
            new String[] {"SUMMARY Y s1", "CARD X u1", "ALERT - a"},
            List.of("a", "u1", "s1")),
        // X = [s1, l1] ranks as its thread line (urgency 1) and goes before Y's summary s2.
        new Row("a thread lends its most urgent call's urgency to the calls ahead of it",
            new String[] {"SUMMARY X s1", "SUMMARY Y s2", "THREAD_LINE X l1"},
            List.of("s1", "l1", "s2")),
        // X = [u1, u3], Y = [u2], all urgency 1: u1 (seq 1), then u2 (seq 2) before u3 (seq 3).
        new Row("among equals the first queued leaves first, across threads",
            new String[] {"CARD X u1", "CARD Y u2", "CARD X u3"},
            List.of("u1", "u2", "u3")),
        new Row("new messages are conversations of their own",
            new String[] {"CARD - c1", "SUMMARY X s1", "ALERT - a1", "CARD - c2", "ALERT - a2"},
            List.of("a1", "a2", "c1", "c2", "s1")),
        new Row("a lookup is as urgent as an alert",
            new String[] {"SUMMARY X s1", "CARD Y u1", "LOOKUP - g1"},
            List.of("g1", "u1", "s1")));
    for (Row row : rows) {
      Run run = queue(10, row.script());
      assertThat(run.leaving()).as(row.rule()).isEqualTo(row.leaving());
      assertThat(run.dropped()).as(row.rule() + ": nothing dropped below the limit").isEmpty();
      assertThat(run.queue().isEmpty()).as(row.rule()).isTrue();
    }
  }

  @Test
  void aRetriedCallGoesBackToTheFrontOfItsThread() {
    Run run = queue(10, "CARD X u1", "THREAD_LINE X l1");
    Call first = run.queue().take();
    run.queue().add(call("CARD X u2", 3));
    run.queue().add(call("CARD Y other", 4));
    run.queue().putBack(first);
    // X = [u1, l1, u2] (u1 seq 1 again at the front), Y = [other seq 4]: u1 goes first.
    assertThat(run.leaving()).containsExactly("u1", "l1", "u2", "other");
  }

  record DropRow(String rule, int limit, String[] script, List<String> dropped, List<String> leaving) {}

  @Test
  void backPressureDropsSummariesOnly() {
    List<DropRow> rows = List.of(
        // After X:x3 four summaries wait (x1 x2 y1 x3) > 3: X's oldest, x1, goes.
        new DropRow("the newcomer's thread loses its oldest summary", 3,
            new String[] {"SUMMARY X x1", "SUMMARY X x2", "SUMMARY Y y1", "SUMMARY X x3"},
            List.of("x1"), List.of("x2", "y1", "x3")),
        // After Z:z1 three wait (x1 y1 z1) > 2 and Z holds no other: the lane's oldest, x1, goes.
        new DropRow("a newcomer alone in its thread makes the lane's oldest summary go", 2,
            new String[] {"SUMMARY X x1", "SUMMARY Y y1", "SUMMARY Z z1"},
            List.of("x1"), List.of("y1", "z1")),
        // Limit 1: s2 makes two summaries, s1 goes; lines, cards and alerts are never counted.
        new DropRow("cards, thread lines and alerts are never dropped", 1,
            new String[] {"SUMMARY X s1", "THREAD_LINE X l1", "CARD X u1", "ALERT - a", "THREAD_LINE X l2",
                "CARD X u2", "SUMMARY X s2", "THREAD_LINE X l3"},
            List.of("s1"), List.of("a", "l1", "u1", "l2", "u2", "s2", "l3")),
        // s1..s4 with limit 2: s3 drops s1, s4 drops s2.
        new DropRow("a sustained flood keeps the newest", 2,
            new String[] {"SUMMARY X s1", "SUMMARY X s2", "SUMMARY X s3", "SUMMARY X s4"},
            List.of("s1", "s2"), List.of("s3", "s4")));
    for (DropRow row : rows) {
      Run run = queue(row.limit(), row.script());
      assertThat(run.dropped()).as(row.rule()).isEqualTo(row.dropped());
      assertThat(run.queue().size()).as(row.rule()).isEqualTo(row.leaving().size());
      assertThat(run.leaving()).as(row.rule()).isEqualTo(row.leaving());
    }
  }

  @Test
  void clearHandsBackEverythingOldestFirst() {
    Run run = queue(10, "SUMMARY X s1", "ALERT - a", "CARD Y u1");
    assertThat(run.queue().clear()).extracting(Call::name).containsExactly("s1", "a", "u1");
    assertThat(run.queue().isEmpty()).isTrue();
    assertThat(run.queue().take()).isNull();
  }

  @Test
  void aLaneHoldsAtLeastOneSummary() {
    assertThatThrownBy(() -> new LaneQueue<Call>(0)).hasMessageContaining("at least one summary");
  }
}
