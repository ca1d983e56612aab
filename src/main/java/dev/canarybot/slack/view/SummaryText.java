package dev.canarybot.slack.view;

import dev.canarybot.analysis.MetricSnapshot;
import dev.canarybot.analysis.PodHealth;
import dev.canarybot.analysis.Verdict;
import dev.canarybot.analysis.VersionMetrics;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.TimeText;
import dev.canarybot.service.port.Analysis;
import java.util.Locale;
import java.util.OptionalDouble;

/** The scheduled numbers of a canary, stable beside canary, as one thread reply. */
public final class SummaryText {
  private SummaryText() {}

  public static String of(CanaryRelease r, Analysis a) {
    MetricSnapshot s = a.snapshot();
    StringBuilder text = new StringBuilder()
        .append("*").append(r.name()).append("* at ").append(r.weight()).append(" % · ")
        .append(TimeText.clock(s.at())).append(" · ").append(span(s))
        .append('\n');
    if (!s.available()) {
      text.append(":warning: metrics unavailable: ").append(s.unavailable()).append('\n');
    } else {
      text.append("```\n").append(table(r, s)).append("```\n");
    }
    Verdict v = a.verdict();
    text.append(VerdictMrkdwn.line(v));
    if (!v.blockers().isEmpty()) {
      text.append("\n*Blocks promotion:* ").append(String.join("; ", v.blockers()));
    }
    return SlackText.limit(text.toString(), 3000);
  }

  static String table(CanaryRelease r, MetricSnapshot s) {
    VersionMetrics v1 = s.stable();
    VersionMetrics v2 = s.canary();
    double total = v1.requests().orElse(0) + v2.requests().orElse(0);
    StringBuilder t = new StringBuilder();
    row(t, "", r.target().stableSubset() + " (stable)", r.target().canarySubset() + " (canary)");
    row(t, "req/s", number(v1.requestRate(), "%.1f"), number(v2.requestRate(), "%.1f"));
    row(t, "5xx", errors(v1), errors(v2));
    row(t, "P50", millis(v1.p50Ms()), millis(v2.p50Ms()));
    row(t, "P95", millis(v1.p95Ms()), millis(v2.p95Ms()));
    row(t, "P99", millis(v1.p99Ms()), millis(v2.p99Ms()));
    row(t, "split", share(v1.requests(), total) + " (want " + (100 - r.weight()) + " %)",
        share(v2.requests(), total) + " (want " + r.weight() + " %)");
    row(t, "pods", pods(v1.pods()), pods(v2.pods()));
    row(t, "cpu/limit", number(percent(v1.cpuOfLimit()), "%.0f %%"), number(percent(v2.cpuOfLimit()), "%.0f %%"));
    row(t, "mem/limit", number(percent(v1.memoryOfLimit()), "%.0f %%"), number(percent(v2.memoryOfLimit()), "%.0f %%"));
    return t.toString();
  }

  private static void row(StringBuilder t, String label, String stable, String canary) {
    t.append(String.format(Locale.ROOT, "%-10s %-24s %s%n", label, stable, canary));
  }

  private static String errors(VersionMetrics v) {
    if (v.requests().isEmpty() || v.errors().isEmpty()) {
      return "no data";
    }
    double n = v.requests().getAsDouble();
    double e = v.errors().getAsDouble();
    return n == 0 ? "0 requests" : String.format(Locale.ROOT, "%.2f %% (%.0f/%.0f)", 100 * e / n, e, n);
  }

  private static String share(OptionalDouble requests, double total) {
    return requests.isEmpty() || total == 0 ? "no data"
        : String.format(Locale.ROOT, "%.1f %%", 100 * requests.getAsDouble() / total);
  }

  private static String millis(OptionalDouble ms) {
    return number(ms, "%.0f ms");
  }

  private static OptionalDouble percent(OptionalDouble fraction) {
    return fraction.isPresent() ? OptionalDouble.of(100 * fraction.getAsDouble()) : fraction;
  }

  private static String number(OptionalDouble value, String format) {
    return value.isPresent() ? String.format(Locale.ROOT, format, value.getAsDouble()) : "n/a";
  }

  private static String pods(PodHealth p) {
    if (p == null) {
      return "n/a";
    }
    return p.ready() + "/" + p.total() + " ready"
        + (p.restarts() > 0 ? ", " + p.restarts() + " restart" + (p.restarts() == 1 ? "" : "s") : "")
        + (p.oomKilled() > 0 ? ", " + p.oomKilled() + " OOMKilled" : "");
  }

  /** The span the numbers cover: the step's own traffic, "since 10:00 UTC, 5m". */
  private static String span(MetricSnapshot s) {
    if (s.window().isZero()) {
      return "this step is too young to be judged yet";
    }
    return "since " + TimeText.clock(s.at().minus(s.window())) + ", " + TimeText.duration(s.window());
  }
}
