package dev.canarybot.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where the canary metrics come from ({@code canary.prometheus.*}). The URL is read from
 * {@code PROMETHEUS_URL} (application.properties maps it) or {@code CANARY_PROMETHEUS_URL}.
 */
@ConfigMapping(prefix = "canary.prometheus")
public interface PrometheusConfig {

  /** Base URL of the Prometheus HTTP API, e.g. {@code http://prometheus.monitoring:9090}. */
  Optional<String> url();

  /** How long one query may take, connecting included. */
  @WithDefault("10s")
  Duration timeout();

  /** Bearer token for a hosted Prometheus; takes precedence over username/password. */
  Optional<String> token();

  /** Basic-auth user for a Prometheus behind a proxy. */
  Optional<String> username();

  /** Basic-auth password. */
  Optional<String> password();

  /** Label names and values of the Istio series. */
  Labels labels();

  /** The PromQL templates, one per query of a tick; see {@link QueryTemplates} for placeholders. */
  Queries queries();

  /**
   * The {@code destination_version} of a subset when it is not the subset's name, e.g.
   * {@code canary.prometheus.subset-versions.canary=v2}.
   */
  Map<String, String> subsetVersions();

  /** Label names and values of the Istio series. */
  interface Labels {
    /** Which side's report to count: the server's ({@code destination}) sees every request it got. */
    @WithDefault("destination")
    String reporter();

    /** Label carrying the destination host. */
    @WithDefault("destination_service")
    String service();

    /** Label carrying the destination version. */
    @WithDefault("destination_version")
    String version();
  }

  /** PromQL templates, overridable one by one. */
  interface Queries {
    /** Requests per version and response code in the window. */
    @WithDefault(QueryTemplates.REQUESTS)
    String requests();

    /** Request-duration bucket increases per version and bucket in the window. */
    @WithDefault(QueryTemplates.LATENCY_BUCKETS)
    String latencyBuckets();

    /** CPU use and CPU limits per pod. */
    @WithDefault(QueryTemplates.CPU)
    String cpu();

    /** Working-set memory and memory limits per pod. */
    @WithDefault(QueryTemplates.MEMORY)
    String memory();
  }
}
