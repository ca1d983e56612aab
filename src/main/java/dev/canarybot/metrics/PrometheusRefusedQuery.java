package dev.canarybot.metrics;

/**
 * Prometheus answered, and refused the query itself (HTTP 400 bad_data, 422 execution): the
 * query is wrong, not Prometheus away, so trying the others alone is worth it.
 */
public class PrometheusRefusedQuery extends PrometheusException {

  public PrometheusRefusedQuery(String message) {
    super(message);
  }
}
