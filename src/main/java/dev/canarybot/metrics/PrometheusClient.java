package dev.canarybot.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Prometheus' HTTP API: instant and range queries. Queries go as POST forms because a batch for a
 * thousand canaries is a regex far longer than a URL may be.
 */
public final class PrometheusClient {
  private final URI base;
  private final Duration timeout;
  private final Optional<String> authorization;
  private final HttpClient http;

  PrometheusClient(URI base, Duration timeout, Optional<String> authorization) {
    this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
    this.timeout = timeout;
    this.authorization = authorization;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** A client without authentication. */
  public static PrometheusClient of(URI base, Duration timeout) {
    return new PrometheusClient(base, timeout, Optional.empty());
  }

  /** A client for the configured Prometheus, or empty when no URL is configured. */
  public static Optional<PrometheusClient> from(PrometheusConfig config) {
    return config.url().filter(u -> !u.isBlank())
        .map(u -> new PrometheusClient(URI.create(u), config.timeout(), authorization(config)));
  }

  static Optional<String> authorization(PrometheusConfig config) {
    if (config.token().isPresent() && !config.token().get().isBlank()) {
      return Optional.of("Bearer " + config.token().get());
    }
    if (config.username().isPresent()) {
      String pair = config.username().get() + ":" + config.password().orElse("");
      return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    return Optional.empty();
  }

  public URI base() {
    return base;
  }

  /** Evaluates {@code promql} at {@code at}. */
  public List<Sample> query(String promql, Instant at) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("query", promql);
    form.put("time", seconds(at));
    String body = post("api/v1/query", form, promql);
    try {
      return PrometheusAnswer.vector(body);
    } catch (IOException e) {
      throw failure("api/v1/query", promql, "unreadable answer: " + e.getMessage(), e);
    }
  }

  /** Evaluates {@code promql} from {@code start} to {@code end} every {@code step}. */
  public List<RangeSeries> queryRange(String promql, Instant start, Instant end, Duration step) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("query", promql);
    form.put("start", seconds(start));
    form.put("end", seconds(end));
    form.put("step", java.math.BigDecimal.valueOf(step.toMillis(), 3).toPlainString()); // "1.0s" is no duration
    String body = post("api/v1/query_range", form, promql);
    try {
      return PrometheusAnswer.matrix(body);
    } catch (IOException e) {
      throw failure("api/v1/query_range", promql, "unreadable answer: " + e.getMessage(), e);
    }
  }

  private String post(String path, Map<String, String> form, String promql) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
    authorization.ifPresent(a -> request.header("Authorization", a));
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw failure(path, promql, "no answer within " + timeout.toMillis() + " ms", e);
    } catch (IOException e) {
      throw failure(path, promql, "unreachable (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(path, promql, "interrupted", e);
    }
    if (response.statusCode() == 400 || response.statusCode() == 422) {
      throw new PrometheusRefusedQuery(failure(path, promql,
          "HTTP " + response.statusCode() + " " + PrometheusAnswer.error(response.body()), null).getMessage());
    }
    if (response.statusCode() != 200) {
      throw failure(path, promql, "HTTP " + response.statusCode() + " " + PrometheusAnswer.error(response.body()), null);
    }
    return response.body();
  }

  private PrometheusException failure(String path, String promql, String what, Throwable cause) {
    String shown = promql.length() > 300 ? promql.substring(0, 300) + "…" : promql;
    return new PrometheusException(
        "Prometheus at " + withoutUserInfo(base.resolve(path)) + ": " + what + "; query: " + shown, cause);
  }

  /** A URL written as {@code https://user:pass@host} must not leak its password into a message. */
  static String withoutUserInfo(URI uri) {
    return uri.getRawUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo() + "@", "");
  }

  private static String seconds(Instant at) {
    return java.math.BigDecimal.valueOf(at.toEpochMilli(), 3).toPlainString();
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
