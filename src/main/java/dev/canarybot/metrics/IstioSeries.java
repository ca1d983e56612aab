package dev.canarybot.metrics;

import dev.canarybot.analysis.LatencyHistogram;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/** Reads one version's numbers out of a batch answer that holds every watched service. */
final class IstioSeries {
  private final String serviceLabel;
  private final String versionLabel;

  IstioSeries(String serviceLabel, String versionLabel) {
    this.serviceLabel = serviceLabel;
    this.versionLabel = versionLabel;
  }

  String service(Sample s) {
    return s.label(serviceLabel);
  }

  String version(Sample s) {
    return s.label(versionLabel);
  }

  boolean isOf(Sample s, String host, String version) {
    return host.equals(s.label(serviceLabel)) && version.equals(s.label(versionLabel));
  }

  /** Requests in the window, or empty when Prometheus has no series for the version. */
  OptionalDouble requests(List<Sample> answer, String host, String version) {
    return sum(answer, host, version, false);
  }

  /** 5xx responses; zero (not "no data") when the version has requests but no 5xx series. */
  OptionalDouble errors(List<Sample> answer, String host, String version) {
    if (requests(answer, host, version).isEmpty()) {
      return OptionalDouble.empty();
    }
    OptionalDouble errors = sum(answer, host, version, true);
    return errors.isPresent() ? errors : OptionalDouble.of(0);
  }

  /** Cumulative buckets sorted by bound; null without series or without a single request. */
  LatencyHistogram histogram(List<Sample> answer, String host, String version) {
    List<LatencyHistogram.Bucket> buckets = new ArrayList<>();
    for (Sample s : answer) {
      if (isOf(s, host, version) && s.value().isPresent()) {
        buckets.add(new LatencyHistogram.Bucket(bound(s.label("le")), s.value().getAsDouble()));
      }
    }
    buckets.sort(Comparator.comparingDouble(LatencyHistogram.Bucket::upperBoundMs));
    if (buckets.isEmpty() || !Double.isInfinite(buckets.get(buckets.size() - 1).upperBoundMs())) {
      return null;
    }
    // increase() extrapolates each bucket on its own, which can break the running order by a hair.
    List<LatencyHistogram.Bucket> monotone = new ArrayList<>();
    double running = 0;
    for (LatencyHistogram.Bucket b : buckets) {
      running = Math.max(running, b.cumulativeCount());
      monotone.add(new LatencyHistogram.Bucket(b.upperBoundMs(), running));
    }
    LatencyHistogram histogram = new LatencyHistogram(monotone);
    return histogram.total() > 0 ? histogram : null;
  }

  private OptionalDouble sum(List<Sample> answer, String host, String version, boolean only5xx) {
    boolean any = false;
    double total = 0;
    for (Sample s : answer) {
      if (isOf(s, host, version) && s.value().isPresent()
          && (!only5xx || is5xx(s.label("response_code")))) {
        any = true;
        total += s.value().getAsDouble();
      }
    }
    return any ? OptionalDouble.of(total) : OptionalDouble.empty();
  }

  private static boolean is5xx(String code) {
    return code.length() == 3 && code.charAt(0) == '5';
  }

  private static double bound(String le) {
    if (le.equals("+Inf") || le.equals("Inf")) {
      return Double.POSITIVE_INFINITY;
    }
    return Double.parseDouble(le);
  }
}
