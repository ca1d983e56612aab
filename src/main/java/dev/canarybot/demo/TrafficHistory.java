package dev.canarybot.demo;

import dev.canarybot.analysis.LatencyHistogram;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The simulator's cumulative counters at each tick, so a window's increase can be read the way
 * Prometheus' {@code increase()} reads a scraped series. Keeps a bounded number of recent
 * points, and behind them a thinner trail for charts: the counters are cumulative, so dropping
 * points in between loses resolution, never requests.
 */
final class TrafficHistory {
  /** One version's counters at one tick. */
  record Totals(long requests, long errors, LatencyHistogram latency) {}

  /** Every version's counters at one tick. */
  record Point(Instant at, Map<String, Totals> versions) {}

  /** A version's increase over a window, and how long the window really was. */
  record Increase(long requests, long errors, LatencyHistogram latency, Duration covered) {}

  private final Deque<Point> points = new ArrayDeque<>();
  private final Deque<Point> older = new ArrayDeque<>();
  private final int capacity;
  private final Duration olderEvery;
  private final int olderCapacity;

  /** Only the newest {@code capacity} points. */
  TrafficHistory(int capacity) {
    this(capacity, Duration.ZERO, 0);
  }

  /**
   * The newest {@code capacity} points, and before them one point per {@code olderEvery}, at
   * most {@code olderCapacity} of them.
   */
  TrafficHistory(int capacity, Duration olderEvery, int olderCapacity) {
    this.capacity = capacity;
    this.olderEvery = olderEvery;
    this.olderCapacity = olderCapacity;
  }

  synchronized void add(Point point) {
    points.addLast(point);
    while (points.size() > capacity) {
      Point p = points.removeFirst();
      if (olderCapacity > 0 && (older.isEmpty() || !p.at().isBefore(older.getLast().at().plus(olderEvery)))) {
        older.addLast(p);
      }
    }
    while (older.size() > olderCapacity) {
      older.removeFirst();
    }
  }

  /** Oldest first: the thinned trail, then the recent points. */
  private List<Point> all() {
    List<Point> all = new ArrayList<>(older.size() + points.size());
    all.addAll(older);
    all.addAll(points);
    return all;
  }

  /** The increase of {@code version} over the {@code window} before the newest point, or null without data. */
  synchronized Increase increase(String version, Duration window) {
    if (points.isEmpty()) {
      return null;
    }
    Point last = points.getLast();
    Instant from = last.at().minus(window);
    List<Point> all = all();
    Point first = all.get(0);
    // The newest point at or before the window's start; the oldest one when history is shorter.
    for (Point p : all) {
      if (p.at().isAfter(from)) {
        break;
      }
      first = p;
    }
    Totals now = last.versions().get(version);
    if (now == null) {
      return null;
    }
    Totals then = first == last ? null : first.versions().get(version);
    return then == null
        ? new Increase(now.requests(), now.errors(), now.latency(), Duration.between(first.at(), last.at()))
        : new Increase(now.requests() - then.requests(), now.errors() - then.errors(),
            minus(now.latency(), then.latency()), Duration.between(first.at(), last.at()));
  }

  /** A version's increase over one step of a chart, ending at {@code at}. */
  record Step(Instant at, Increase increase) {}

  /**
   * A version's increases step by step since {@code from}, as a range query would give them:
   * each ends at a tick at least {@code step} after the previous one.
   */
  synchronized List<Step> steps(String version, Instant from, Duration step) {
    List<Step> out = new ArrayList<>();
    Point previous = null;
    for (Point p : all()) {
      if (p.at().isBefore(from) || !p.versions().containsKey(version)) {
        continue;
      }
      if (previous == null) {
        previous = p;
      } else if (!p.at().isBefore(previous.at().plus(step))) {
        Totals now = p.versions().get(version);
        Totals then = previous.versions().get(version);
        out.add(new Step(p.at(), new Increase(now.requests() - then.requests(), now.errors() - then.errors(),
            minus(now.latency(), then.latency()), Duration.between(previous.at(), p.at()))));
        previous = p;
      }
    }
    return out;
  }

  private static LatencyHistogram minus(LatencyHistogram now, LatencyHistogram then) {
    List<LatencyHistogram.Bucket> out = new ArrayList<>();
    for (int i = 0; i < now.buckets().size(); i++) {
      LatencyHistogram.Bucket b = now.buckets().get(i);
      out.add(new LatencyHistogram.Bucket(b.upperBoundMs(),
          b.cumulativeCount() - then.buckets().get(i).cumulativeCount()));
    }
    return new LatencyHistogram(out);
  }
}
