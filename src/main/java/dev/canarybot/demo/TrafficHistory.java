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
 * Prometheus' {@code increase()} reads a scraped series. Keeps a bounded number of points.
 */
final class TrafficHistory {
  /** One version's counters at one tick. */
  record Totals(long requests, long errors, LatencyHistogram latency) {}

  /** Every version's counters at one tick. */
  record Point(Instant at, Map<String, Totals> versions) {}

  /** A version's increase over a window, and how long the window really was. */
  record Increase(long requests, long errors, LatencyHistogram latency, Duration covered) {}

  private final Deque<Point> points = new ArrayDeque<>();
  private final int capacity;

  TrafficHistory(int capacity) {
    this.capacity = capacity;
  }

  synchronized void add(Point point) {
    points.addLast(point);
    while (points.size() > capacity) {
      points.removeFirst();
    }
  }

  /** The increase of {@code version} over the {@code window} before the newest point, or null without data. */
  synchronized Increase increase(String version, Duration window) {
    if (points.isEmpty()) {
      return null;
    }
    Point last = points.getLast();
    Instant from = last.at().minus(window);
    Point first = points.getFirst();
    // The newest point at or before the window's start; the oldest one when history is shorter.
    for (Point p : points) {
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
