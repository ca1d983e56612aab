package dev.canarybot.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.release.ReleaseTarget;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The PromQL sent for the example app, character for character. */
class QueryTemplatesTest {
  static final ReleaseTarget API = new ReleaseTarget("default", "api-vs", "primary",
      "api-service.default.svc.cluster.local", "v1", "v2", "api-v1", "api-v2");
  static final ReleaseTarget SHOP = new ReleaseTarget("shop", "cart-vs", null,
      "cart.shop.svc.cluster.local", "stable", "canary", "cart-stable", "cart-canary");

  private final QueryBatch batch = QueryTemplates.defaults().render(List.of(API), Duration.ofMinutes(5));

  @Test
  void requestsByCodeForTheExampleApp() {
    assertThat(batch.requests()).isEqualTo(
        "sum by (destination_service, destination_version, response_code) "
            + "(increase(istio_requests_total{reporter=\"destination\","
            + "destination_service=~\"api-service\\\\.default\\\\.svc\\\\.cluster\\\\.local\"}[300s]))");
  }

  @Test
  void theRecentSpanRidesInTheRequestQueryLabelledApart() {
    String q = QueryTemplates.defaults().render(List.of(API), Duration.ofMinutes(5), Duration.ofMinutes(1)).requests();
    String of = "sum by (destination_service, destination_version, response_code) "
        + "(increase(istio_requests_total{reporter=\"destination\","
        + "destination_service=~\"api-service\\\\.default\\\\.svc\\\\.cluster\\\\.local\"}[";
    assertThat(q).isEqualTo("label_replace(" + of + "300s])), \"canary_span\", \"window\", \"\", \"\") or "
        + "label_replace(" + of + "60s])), \"canary_span\", \"recent\", \"\", \"\")");
    assertThat(QueryTemplates.defaults().render(List.of(API), Duration.ofMinutes(5), Duration.ofMinutes(1)).all())
        .as("still four queries a tick").hasSize(4);
  }

  @Test
  void latencyBucketsForTheExampleApp() {
    assertThat(batch.latencyBuckets()).isEqualTo(
        "sum by (destination_service, destination_version, le) "
            + "(increase(istio_request_duration_milliseconds_bucket{reporter=\"destination\","
            + "destination_service=~\"api-service\\\\.default\\\\.svc\\\\.cluster\\\\.local\"}[300s]))");
  }

  @Test
  void cpuUsageAndLimitsForTheExampleApp() {
    assertThat(batch.cpu()).isEqualTo(
        "label_replace(sum by (namespace, pod) (rate(container_cpu_usage_seconds_total{container!=\"\","
            + "container!=\"POD\",namespace=~\"default\",pod=~\"(api-v1|api-v2)-[a-z0-9]+-[a-z0-9]+\"}[300s])), "
            + "\"series\", \"usage\", \"\", \"\") or label_replace(sum by (namespace, pod) "
            + "(kube_pod_container_resource_limits{resource=\"cpu\",namespace=~\"default\","
            + "pod=~\"(api-v1|api-v2)-[a-z0-9]+-[a-z0-9]+\"}), \"series\", \"limit\", \"\", \"\")");
  }

  @Test
  void memoryPeakAndLimitsForTheExampleApp() {
    assertThat(batch.memory()).isEqualTo(
        "label_replace(sum by (namespace, pod) (max_over_time(container_memory_working_set_bytes{container!=\"\","
            + "container!=\"POD\",namespace=~\"default\",pod=~\"(api-v1|api-v2)-[a-z0-9]+-[a-z0-9]+\"}[300s])), "
            + "\"series\", \"usage\", \"\", \"\") or label_replace(sum by (namespace, pod) "
            + "(kube_pod_container_resource_limits{resource=\"memory\",namespace=~\"default\","
            + "pod=~\"(api-v1|api-v2)-[a-z0-9]+-[a-z0-9]+\"}), \"series\", \"limit\", \"\", \"\")");
  }

  @Test
  void aQuoteOrBackslashInANameCannotEndTheStringOrChangeTheQuery() {
    // Host a"b\c.x: the regex stage escapes \ and . (a"b\\c\.x), the string stage then doubles
    // every backslash and escapes the quote: a\"b\\\\c\\.x. Prometheus reads that string back
    // as the regex a"b\\c\.x, which matches the literal host only.
    ReleaseTarget odd = new ReleaseTarget("default", "odd", null, "a\"b\\c.x", "v1", "v2", "o-v1", "o-v2");
    String q = QueryTemplates.defaults().render(List.of(odd), Duration.ofMinutes(1)).requests();
    assertThat(q).contains("destination_service=~\"a\\\"b\\\\\\\\c\\\\.x\"}[60s]");
    assertThat(HistoryQueries.of(QueryTemplates.defaults(), odd).p95())
        .contains("destination_service=\"a\\\"b\\\\c.x\"}");
  }

  @Test
  void severalReleasesShareOneQueryPerMetric() {
    QueryBatch two = QueryTemplates.defaults().render(List.of(SHOP, API), Duration.ofSeconds(30));
    assertThat(two.all()).hasSize(4);
    assertThat(two.requests()).isEqualTo(
        "sum by (destination_service, destination_version, response_code) "
            + "(increase(istio_requests_total{reporter=\"destination\",destination_service=~"
            + "\"api-service\\\\.default\\\\.svc\\\\.cluster\\\\.local|cart\\\\.shop\\\\.svc\\\\.cluster\\\\.local\"}[30s]))");
    assertThat(two.cpu()).contains(
        "namespace=~\"default|shop\",pod=~\"(api-v1|api-v2|cart-canary|cart-stable)-[a-z0-9]+-[a-z0-9]+\"");
  }

  @Test
  void labelNamesAndTemplatesComeFromConfig() {
    QueryTemplates custom = new QueryTemplates("source", "dst_host", "dst_version",
        "sum by (<service_label>, <version_label>, response_code) (increase(my_requests{<selector>}[<window>]))",
        QueryTemplates.LATENCY_BUCKETS, QueryTemplates.CPU, QueryTemplates.MEMORY);
    assertThat(custom.render(List.of(API), Duration.ofMillis(1500)).requests()).isEqualTo(
        "sum by (dst_host, dst_version, response_code) (increase(my_requests{reporter=\"source\","
            + "dst_host=~\"api-service\\\\.default\\\\.svc\\\\.cluster\\\\.local\"}[2s]))");
  }
}
