package dev.canarybot.demo.traffic;

import dev.canarybot.analysis.LatencyHistogram;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The ever-growing counters Istio's sidecar keeps for one destination version. */
final class VersionCounters {
  private final Map<Integer, Long> byCode = new TreeMap<>();
  /** Per bucket, not cumulative; the +Inf bucket is the last slot. */
  private final long[] buckets = new long[IstioBuckets.BOUNDS_MS.size() + 1];
  private double sumMs;
  private long count;

  void record(int code, double durationMs) {
    byCode.merge(code, 1L, Long::sum);
    int i = 0;
    while (i < IstioBuckets.BOUNDS_MS.size() && durationMs > IstioBuckets.BOUNDS_MS.get(i)) {
      i++;
    }
    buckets[i]++;
    sumMs += durationMs;
    count++;
  }

  Map<Integer, Long> byCode() {
    return byCode;
  }

  long requests() {
    return count;
  }

  long errors() {
    return byCode.entrySet().stream().filter(e -> e.getKey() >= 500 && e.getKey() < 600)
        .mapToLong(Map.Entry::getValue).sum();
  }

  double sumMs() {
    return sumMs;
  }

  /** Cumulative, as exposed: the last bucket is +Inf. */
  LatencyHistogram histogram() {
    List<LatencyHistogram.Bucket> out = new ArrayList<>();
    long running = 0;
    for (int i = 0; i < buckets.length; i++) {
      running += buckets[i];
      double bound = i < IstioBuckets.BOUNDS_MS.size() ? IstioBuckets.BOUNDS_MS.get(i) : Double.POSITIVE_INFINITY;
      out.add(new LatencyHistogram.Bucket(bound, running));
    }
    return new LatencyHistogram(out);
  }
}
