package dev.canarybot.metrics;

import dev.canarybot.release.ReleaseTarget;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The PromQL of one tick and how it is rendered. Placeholders are written {@code <name>} (not
 * {@code ${name}}, which the config would try to expand): {@code <selector>} (reporter and a regex
 * of every watched host), {@code <service_label>}, {@code <version_label>}, {@code <window>}
 * (e.g. {@code 300s}) and {@code <pods>} (namespaces and a regex of every watched Deployment's
 * pod names).
 */
public record QueryTemplates(
    String reporter, String serviceLabel, String versionLabel,
    String requests, String latencyBuckets, String cpu, String memory) {

  public static final String REQUESTS = "sum by (<service_label>, <version_label>, response_code) "
      + "(increase(istio_requests_total{<selector>}[<window>]))";
  public static final String LATENCY_BUCKETS = "sum by (<service_label>, <version_label>, le) "
      + "(increase(istio_request_duration_milliseconds_bucket{<selector>}[<window>]))";
  /** Usage and limits in one answer, told apart by the {@code series} label they are given. */
  public static final String CPU = "label_replace(sum by (namespace, pod) "
      + "(rate(container_cpu_usage_seconds_total{container!=\"\",container!=\"POD\",<pods>}[<window>])), "
      + "\"series\", \"usage\", \"\", \"\") or label_replace(sum by (namespace, pod) "
      + "(kube_pod_container_resource_limits{resource=\"cpu\",<pods>}), \"series\", \"limit\", \"\", \"\")";
  /** The window's peak working set, since a gate on memory should see the worst of it. */
  public static final String MEMORY = "label_replace(sum by (namespace, pod) "
      + "(max_over_time(container_memory_working_set_bytes{container!=\"\",container!=\"POD\",<pods>}[<window>])), "
      + "\"series\", \"usage\", \"\", \"\") or label_replace(sum by (namespace, pod) "
      + "(kube_pod_container_resource_limits{resource=\"memory\",<pods>}), \"series\", \"limit\", \"\", \"\")";

  /** Istio's standard labels and the templates above. */
  public static QueryTemplates defaults() {
    return new QueryTemplates("destination", "destination_service", "destination_version",
        REQUESTS, LATENCY_BUCKETS, CPU, MEMORY);
  }

  public static QueryTemplates from(PrometheusConfig config) {
    PrometheusConfig.Labels l = config.labels();
    PrometheusConfig.Queries q = config.queries();
    return new QueryTemplates(l.reporter(), l.service(), l.version(),
        q.requests(), q.latencyBuckets(), q.cpu(), q.memory());
  }

  /** The label that tells the recent span's request series from the window's, in one answer. */
  public static final String SPAN_LABEL = "canary_span";
  static final String RECENT = "recent";

  /** The four queries of one tick for all the given targets. */
  public QueryBatch render(Collection<ReleaseTarget> targets, Duration window) {
    return render(targets, window, null);
  }

  /**
   * As above; with a {@code recent} span, the request query answers for it too, its series
   * labelled {@value #SPAN_LABEL}="recent", so the fresh numbers cost no query of their own.
   */
  public QueryBatch render(Collection<ReleaseTarget> targets, Duration window, Duration recent) {
    SortedSet<String> hosts = sorted(targets, ReleaseTarget::host);
    SortedSet<String> namespaces = sorted(targets, ReleaseTarget::namespace);
    SortedSet<String> deployments = new TreeSet<>(sorted(targets, ReleaseTarget::stableWorkload));
    deployments.addAll(sorted(targets, ReleaseTarget::canaryWorkload));
    Map<String, String> values = Map.of(
        "<selector>", "reporter=\"" + reporter + "\"," + serviceLabel + "=~\"" + PromRegex.anyOf(hosts) + "\"",
        "<service_label>", serviceLabel,
        "<version_label>", versionLabel,
        "<window>", window(window),
        "<pods>", "namespace=~\"" + PromRegex.anyOf(namespaces) + "\",pod=~\""
            + PromRegex.podsOf(deployments) + "\"");
    String requestQuery = fill(requests, values);
    if (recent != null) {
      Map<String, String> fresh = new HashMap<>(values);
      fresh.put("<window>", window(recent));
      // Each side keeps its own series: `or` adds those whose label sets differ, and the span
      // label makes every recent one differ.
      requestQuery = spanned(requestQuery, "window") + " or " + spanned(fill(requests, fresh), RECENT);
    }
    return new QueryBatch(requestQuery, fill(latencyBuckets, values),
        fill(cpu, values), fill(memory, values));
  }

  private static String spanned(String query, String span) {
    return "label_replace(" + query + ", \"" + SPAN_LABEL + "\", \"" + span + "\", \"\", \"\")";
  }

  /** A PromQL range: whole seconds, at least one. */
  static String window(Duration window) {
    return Math.max(1, (window.toMillis() + 999) / 1000) + "s";
  }

  private static String fill(String template, Map<String, String> values) {
    String out = template;
    for (Map.Entry<String, String> e : values.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return out;
  }

  private static SortedSet<String> sorted(Collection<ReleaseTarget> targets, Function<ReleaseTarget, String> f) {
    return targets.stream().map(f).collect(Collectors.toCollection(TreeSet::new));
  }
}
