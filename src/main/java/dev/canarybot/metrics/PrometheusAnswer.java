package dev.canarybot.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Reads the JSON body of Prometheus' HTTP API (query and query_range). */
final class PrometheusAnswer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PrometheusAnswer() {}

  /** The vector (or scalar) of an instant query. */
  static List<Sample> vector(String body) throws IOException {
    JsonNode data = data(body);
    String type = data.path("resultType").asText();
    JsonNode result = data.path("result");
    List<Sample> samples = new ArrayList<>();
    if ("scalar".equals(type)) {
      samples.add(new Sample(Map.of(), value(result.path(1).asText())));
    } else if ("vector".equals(type)) {
      for (JsonNode series : result) {
        samples.add(new Sample(labels(series), value(series.path("value").path(1).asText())));
      }
    } else {
      throw new IOException("expected a vector, got resultType " + type);
    }
    return samples;
  }

  /** The matrix of a range query. */
  static List<RangeSeries> matrix(String body) throws IOException {
    JsonNode data = data(body);
    if (!"matrix".equals(data.path("resultType").asText())) {
      throw new IOException("expected a matrix, got resultType " + data.path("resultType").asText());
    }
    List<RangeSeries> all = new ArrayList<>();
    for (JsonNode series : data.path("result")) {
      List<RangeSeries.Point> points = new ArrayList<>();
      for (JsonNode p : series.path("values")) {
        Instant at = Instant.ofEpochMilli(Math.round(p.path(0).asDouble() * 1000));
        points.add(new RangeSeries.Point(at, value(p.path(1).asText())));
      }
      all.add(new RangeSeries(labels(series), points));
    }
    return all;
  }

  /** Prometheus' own error text, when the body carries one. */
  static String error(String body) {
    try {
      JsonNode root = JSON.readTree(body);
      if (root.hasNonNull("error")) {
        return root.path("errorType").asText() + ": " + root.path("error").asText();
      }
    } catch (IOException | RuntimeException e) {
      // not JSON (a proxy's HTML page, say): the caller shows the start of the body instead
    }
    return body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }

  private static JsonNode data(String body) throws IOException {
    JsonNode root = JSON.readTree(body);
    if (!"success".equals(root.path("status").asText())) {
      throw new IOException(error(body));
    }
    return root.path("data");
  }

  private static Map<String, String> labels(JsonNode series) {
    Map<String, String> labels = new LinkedHashMap<>();
    series.path("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    return labels;
  }

  /** NaN and ±Inf are "no data": a histogram over no requests, a ratio over zero. */
  static OptionalDouble value(String text) {
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
    return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
  }
}
