package dev.canarybot.slack.outbound;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The calls one lane holds, and which of them leaves next.
 *
 * <p>Order: calls of one thread (a message, its redraws and its replies) leave in the order they
 * were queued, always, a retried call keeping its place at the front. Only calls of different
 * threads are reordered, by {@link Kind#urgency()}: an alert leaves before another release's
 * card update, which leaves before a summary. A thread lends the urgency of its most urgent call
 * to the calls ahead of it, so a thread line never waits behind other threads' work just because
 * its own thread's summary is in front of it. Among equals the first queued leaves first.
 *
 * <p>Back-pressure: when more than {@code summaryLimit} summaries wait, the oldest summary of the
 * newcomer's thread is dropped, else the lane's oldest summary; nothing but summaries is ever
 * dropped, and a call in flight is not queued here, so it is never dropped.
 *
 * <p>Not thread-safe: its lane guards it.
 */
final class LaneQueue<E extends LaneQueue.Entry> {

  /** What the queue needs to know of a call. */
  interface Entry {
    Kind kind();

    /** The thread whose order it keeps; {@code null} is a new message, a thread of its own. */
    String thread();

    /** Increasing in the order calls were queued, unique. */
    long seq();
  }

  private final Map<String, Deque<E>> threads = new HashMap<>();
  private final int summaryLimit;
  private int size;
  private int summaries;

  LaneQueue(int summaryLimit) {
    if (summaryLimit < 1) {
      throw new IllegalArgumentException("a lane must hold at least one summary, got " + summaryLimit);
    }
    this.summaryLimit = summaryLimit;
  }

  /** Queues {@code entry} at the back of its thread; returns the summaries dropped for it. */
  List<E> add(E entry) {
    threads.computeIfAbsent(key(entry), k -> new ArrayDeque<>()).addLast(entry);
    count(entry, 1);
    List<E> dropped = new ArrayList<>();
    while (entry.kind().droppable() && summaries > summaryLimit) {
      E victim = oldestSummary(threads.get(key(entry)), entry);
      if (victim == null) {
        for (Deque<E> thread : threads.values()) {
          E candidate = oldestSummary(thread, entry);
          if (candidate != null && (victim == null || candidate.seq() < victim.seq())) {
            victim = candidate;
          }
        }
      }
      remove(victim);
      dropped.add(victim);
    }
    return dropped;
  }

  /** Puts a call that must be tried again back at the front of its thread. */
  void putBack(E entry) {
    threads.computeIfAbsent(key(entry), k -> new ArrayDeque<>()).addFirst(entry);
    count(entry, 1);
  }

  /** Removes and returns the call that leaves next, or {@code null} when none waits. */
  E take() {
    Deque<E> next = null;
    E nextLead = null;
    for (Deque<E> thread : threads.values()) {
      E lead = mostUrgent(thread);
      if (nextLead == null || before(lead, nextLead)) {
        next = thread;
        nextLead = lead;
      }
    }
    if (next == null) {
      return null;
    }
    E head = next.peekFirst();
    remove(head);
    return head;
  }

  /** The urgency of the call that leaves next, or {@link Integer#MAX_VALUE} when none waits. */
  int urgency() {
    int most = Integer.MAX_VALUE;
    for (Deque<E> thread : threads.values()) {
      most = Math.min(most, mostUrgent(thread).kind().urgency());
    }
    return most;
  }

  /** Removes and returns every call, oldest first (when the outbox stops). */
  List<E> clear() {
    List<E> all = new ArrayList<>();
    threads.values().forEach(all::addAll);
    all.sort((a, b) -> Long.compare(a.seq(), b.seq()));
    threads.clear();
    size = 0;
    summaries = 0;
    return all;
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  private void remove(E entry) {
    String key = key(entry);
    Deque<E> thread = threads.get(key);
    thread.remove(entry);
    if (thread.isEmpty()) {
      threads.remove(key);
    }
    count(entry, -1);
  }

  private void count(E entry, int delta) {
    size += delta;
    if (entry.kind().droppable()) {
      summaries += delta;
    }
  }

  private E oldestSummary(Deque<E> thread, E except) {
    for (E e : thread) {
      if (e != except && e.kind().droppable()) {
        return e;
      }
    }
    return null;
  }

  private E mostUrgent(Deque<E> thread) {
    E most = null;
    for (E e : thread) {
      if (most == null || before(e, most)) {
        most = e;
      }
    }
    return most;
  }

  private static boolean before(Entry a, Entry b) {
    int byUrgency = Integer.compare(a.kind().urgency(), b.kind().urgency());
    return byUrgency != 0 ? byUrgency < 0 : a.seq() < b.seq();
  }

  private static String key(Entry e) {
    return e.thread() == null ? "#" + e.seq() : e.thread();
  }
}
