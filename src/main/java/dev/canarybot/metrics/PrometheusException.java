package dev.canarybot.metrics;

/** Prometheus could not answer a query; the message names the URL and the query. */
public class PrometheusException extends RuntimeException {

  public PrometheusException(String message) {
    super(message);
  }

  public PrometheusException(String message, Throwable cause) {
    super(message, cause);
  }
}
