package dev.canarybot.demo.traffic;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Serves a simulator's counters at {@code /metrics} on 127.0.0.1 and a free port, for a test's
 * Prometheus to scrape. The demo mounts the same text on its own route instead.
 */
public final class MetricsExporter implements AutoCloseable {
  private final HttpServer server;

  private MetricsExporter(HttpServer server) {
    this.server = server;
  }

  public static MetricsExporter start(TrafficSimulator simulator) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/metrics", exchange -> {
      byte[] body = simulator.exposition().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return new MetricsExporter(server);
  }

  /** {@code 127.0.0.1:PORT}, as a scrape target is written. */
  public String target() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  public URI url() {
    return URI.create("http://" + target() + "/metrics");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
