package dev.canarybot.metrics;

import dev.canarybot.release.ReleaseTarget;

/**
 * Range queries for one release's chart: 5xx ratio and P95 per version. Only the summary asks
 * for them, once per interval, so they are per release rather than batched.
 */
record HistoryQueries(String errorRatio, String p95) {

  static HistoryQueries of(QueryTemplates t, ReleaseTarget target) {
    String selector = "reporter=\"" + t.reporter() + "\"," + t.serviceLabel() + "=\"" + PromRegex.string(target.host()) + "\"";
    String by = "sum by (" + t.versionLabel() + ")";
    String errors = by + " (rate(istio_requests_total{" + selector + ",response_code=~\"5..\"}[1m])) / "
        + by + " (rate(istio_requests_total{" + selector + "}[1m]))";
    String p95 = "histogram_quantile(0.95, sum by (" + t.versionLabel() + ", le) "
        + "(rate(istio_request_duration_milliseconds_bucket{" + selector + "}[1m])))";
    return new HistoryQueries(errors, p95);
  }
}
