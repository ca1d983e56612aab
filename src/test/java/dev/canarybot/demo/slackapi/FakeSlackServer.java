package dev.canarybot.demo.slackapi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a {@link FakeSlackWebApi} over HTTP on 127.0.0.1 and a free port, with the JDK's own
 * server so tests need no framework: {@code POST /api/<method>} (form or JSON) and the file
 * upload at {@code POST /upload/<file id>}, and response_url replies at
 * {@code POST /response/<id>}. Point the client at {@link #methodsUrlPrefix()}.
 */
public final class FakeSlackServer implements AutoCloseable {

  private final FakeSlackWebApi api;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);

  private FakeSlackServer(FakeSlackWebApi api) throws IOException {
    this.api = api;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/", this::serveMethod);
    server.createContext("/upload/", this::serveUpload);
    server.createContext("/response/", this::serveResponse);
    server.setExecutor(executor);
  }

  public static FakeSlackServer start(FakeSlackWebApi api) throws IOException {
    FakeSlackServer fake = new FakeSlackServer(api);
    fake.server.start();
    api.setUploadUrlPrefix(fake.baseUrl() + "upload/");
    api.setResponseUrlPrefix(fake.baseUrl() + "response/");
    return fake;
  }

  /** "http://127.0.0.1:PORT/api/", for {@code SlackConfig.setMethodsEndpointUrlPrefix}. */
  public String methodsUrlPrefix() {
    return baseUrl() + "api/";
  }

  public FakeSlackWebApi api() {
    return api;
  }

  private String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private void serveMethod(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestURI().getPath().substring("/api/".length());
      byte[] body = exchange.getRequestBody().readAllBytes();
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      Map<String, String> params = WebApiParams.of(exchange.getRequestURI().getRawQuery(), contentType, body);
      respond(exchange, api.handle(method, params,
          exchange.getRequestHeaders().getFirst("Authorization")));
    }
  }

  private void serveUpload(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        respond(exchange, new FakeResponse(405, Map.of(), "POST only"));
        return;
      }
      String fileId = exchange.getRequestURI().getPath().substring("/upload/".length());
      respond(exchange, api.upload(fileId, exchange.getRequestBody().readAllBytes()));
    }
  }

  private void serveResponse(HttpExchange exchange) throws IOException {
    try (exchange) {
      String id = exchange.getRequestURI().getPath().substring("/response/".length());
      respond(exchange, api.respond(id, WebApiParams.json(exchange.getRequestBody().readAllBytes())));
    }
  }

  private static void respond(HttpExchange exchange, FakeResponse response) throws IOException {
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
