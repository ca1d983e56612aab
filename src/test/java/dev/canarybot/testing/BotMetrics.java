package dev.canarybot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of the bot's {@code /q/metrics}, read as Prometheus' text format. */
public final class BotMetrics {
  private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** A sample: metric name, labels, value. */
  public record Series(String name, Map<String, String> labels, double value) {}

  private final List<Series> series;

  private BotMetrics(List<Series> series) {
    this.series = series;
  }

  public static BotMetrics scrape(URI metrics) {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("GET " + metrics + " answered " + r.statusCode());
      }
      return parse(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + metrics + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while scraping " + metrics, e);
    }
  }

  public static BotMetrics parse(String text) {
    return new BotMetrics(text.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
        .map(SERIES::matcher).filter(Matcher::matches)
        .map(m -> new Series(m.group(1), labels(m.group(2)), Double.parseDouble(m.group(3))))
        .toList());
  }

  private static Map<String, String> labels(String text) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (text != null) {
      Matcher m = LABEL.matcher(text);
      while (m.find()) {
        labels.put(m.group(1), m.group(2));
      }
    }
    return labels;
  }

  /** Every sample of {@code name} whose labels include {@code labels}. */
  public List<Series> series(String name, Map<String, String> labels) {
    return series.stream().filter(s -> s.name().equals(name))
        .filter(s -> s.labels().entrySet().containsAll(labels.entrySet())).toList();
  }

  /** The sum over {@link #series}; 0 when there is none. */
  public double sum(String name, Map<String, String> labels) {
    return series(name, labels).stream().mapToDouble(Series::value).sum();
  }

  @Override
  public String toString() {
    return series.size() + " samples";
  }

  /** Whether any sample of {@code name} was exported. */
  public boolean has(String name) {
    return series.stream().anyMatch(s -> s.name().equals(name));
  }
}
