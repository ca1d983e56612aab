package dev.canarybot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prometheus (Debian's package) for one test: its own free port on 127.0.0.1, a temporary
 * config scraping the given targets every second, a temporary data dir, stopped on close. A
 * missing binary fails the test: skipping would let CI pass without ever running against it.
 */
public final class PrometheusServer implements AutoCloseable {
  public static final Path BINARY = Path.of(System.getProperty("prometheus.binary", "/usr/bin/prometheus"));

  private final Process process;
  private final Path dir;
  private final int port;

  private PrometheusServer(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  /** Starts Prometheus scraping {@code /metrics} of each {@code host:port} target and waits until ready. */
  public static PrometheusServer start(List<String> targets, Duration scrapeInterval) {
    if (!Files.isExecutable(BINARY)) {
      throw new AssertionError("Prometheus is not installed at " + BINARY
          + ": run .ci/prometheus.sh (apt-get install -y prometheus) or set -Dprometheus.binary=PATH");
    }
    try {
      Path dir = Files.createTempDirectory("canary-prometheus");
      int port = freePort();
      String seconds = scrapeInterval.toMillis() + "ms";
      Files.writeString(dir.resolve("prometheus.yml"), "global:\n"
          + "  scrape_interval: " + seconds + "\n"
          + "  evaluation_interval: " + seconds + "\n"
          + "scrape_configs:\n"
          + "  - job_name: mesh\n"
          + "    static_configs:\n"
          + "      - targets: [" + String.join(", ", targets.stream().map(t -> "'" + t + "'").toList()) + "]\n");
      Process process = new ProcessBuilder(BINARY.toString(),
          "--config.file=" + dir.resolve("prometheus.yml"),
          "--storage.tsdb.path=" + dir.resolve("data"),
          "--web.listen-address=127.0.0.1:" + port,
          "--log.level=warn")
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("prometheus.log").toFile())
          .start();
      PrometheusServer server = new PrometheusServer(process, dir, port);
      server.awaitReady(Duration.ofSeconds(20));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Blocks until Prometheus has scraped every target at least {@code scrapes} times. */
  public void awaitScrapes(int scrapes, Duration timeout) {
    String query = "min(count_over_time(up{job=\"mesh\"}[10m])) >= " + scrapes;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String body = get("/api/v1/query?query=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
      if (body != null && body.contains("\"value\"")) {
        return;
      }
      sleep(200);
    }
    throw new AssertionError("Prometheus did not scrape " + scrapes + " times within " + timeout + "; log:\n" + log());
  }

  /** Stops Prometheus; {@link #close} then only removes the files. */
  public void stop() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp dir is not worth failing a test for
    }
  }

  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("Prometheus exited with " + process.exitValue() + "; log:\n" + log());
      }
      String body = get("/-/ready");
      if (body != null) {
        return;
      }
      sleep(100);
    }
    stop();
    throw new AssertionError("Prometheus not ready within " + timeout + "; log:\n" + log());
  }

  /** The body of a 200 answer, or null. */
  private String get(String path) {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(url().resolve(path)).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? r.body() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private String log() {
    try {
      return Files.readString(dir.resolve("prometheus.log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
