package dev.canarybot.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Builds snapshots for the analysis tests: a healthy 90/10 pair, changed one field at a time. */
final class Fixtures {
  static final double INF = Double.POSITIVE_INFINITY;
  static final Instant AT = Instant.parse("2024-05-01T10:00:00Z");
  static final Duration WINDOW = Duration.ofMinutes(5);

  private Fixtures() {}

  /** bounds and cumulative counts, alternating: histogram(100, 10, INF, 10). */
  static LatencyHistogram histogram(double... pairs) {
    List<LatencyHistogram.Bucket> buckets = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      buckets.add(new LatencyHistogram.Bucket(pairs[i], pairs[i + 1]));
    }
    return new LatencyHistogram(buckets);
  }

  /** A version's metrics, changed with the withers below. */
  static final class M {
    String version;
    OptionalDouble requests;
    OptionalDouble errors;
    OptionalDouble p95 = OptionalDouble.empty();
    LatencyHistogram latency;
    PodHealth pods = new PodHealth(3, 3, 0, 0);
    OptionalDouble cpu = OptionalDouble.of(0.3);
    OptionalDouble memory = OptionalDouble.of(0.4);

    M(String version, double requests, double errors) {
      this.version = version;
      this.requests = OptionalDouble.of(requests);
      this.errors = OptionalDouble.of(errors);
      // 80 % under 100 ms, 18 % in (100, 250], 2 % in (250, 500]:
      // P95 rank 0.95 n falls in (100, 250]: 100 + 150 * (0.95 - 0.80) / 0.18 = 225 ms
      this.latency = histogram(100, 0.8 * requests, 250, 0.98 * requests, 500, requests, INF, requests);
    }

    M requests(double n, double k) {
      requests = OptionalDouble.of(n);
      errors = OptionalDouble.of(k);
      return this;
    }

    M noRequests() {
      requests = OptionalDouble.empty();
      errors = OptionalDouble.empty();
      latency = null;
      return this;
    }

    M p95(double ms) {
      p95 = OptionalDouble.of(ms);
      return this;
    }

    M latency(LatencyHistogram h) {
      latency = h;
      return this;
    }

    M pods(PodHealth p) {
      pods = p;
      return this;
    }

    M cpu(double fraction) {
      cpu = OptionalDouble.of(fraction);
      return this;
    }

    M noUsage() {
      cpu = OptionalDouble.empty();
      memory = OptionalDouble.empty();
      return this;
    }

    VersionMetrics build() {
      double n = requests.orElse(0);
      return new VersionMetrics(version, requests.isPresent() ? OptionalDouble.of(n / 300) : OptionalDouble.empty(),
          requests, errors, OptionalDouble.empty(), p95, OptionalDouble.empty(), latency, pods, cpu, memory);
    }
  }

  /** 5,000 canary requests without an error: 3/5000 = 0.06 % is below the 0.1 % gate. */
  static M canary() {
    return new M("v2", 5000, 0);
  }

  /** 45,000 stable requests: with 5,000 to the canary that is exactly the 10 % weight. */
  static M stable() {
    return new M("v1", 45000, 9);
  }

  static MetricSnapshot snapshot(M stable, M canary) {
    return new MetricSnapshot(AT, WINDOW, stable.build(), canary.build(), null);
  }
}
