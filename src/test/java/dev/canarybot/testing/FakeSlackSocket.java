package dev.canarybot.testing;

import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's side of Socket Mode on 127.0.0.1: greets a connecting bot with "hello", sends it
 * envelopes and collects what it sends back.
 */
public final class FakeSlackSocket extends WebSocketServer {
  private final CountDownLatch connected = new CountDownLatch(1);
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private volatile WebSocket bot;

  public FakeSlackSocket() {
    // The server binds on its own thread; a port chosen up front is known before that.
    super(new InetSocketAddress("127.0.0.1", freePort()));
    setReuseAddr(true);
  }

  private static int freePort() {
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public String url() {
    return "ws://127.0.0.1:" + getAddress().getPort() + "/link";
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    bot = conn;
    conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\"},"
        + "\"connection_info\":{\"app_id\":\"A0CANARY\"}}");
    connected.countDown();
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    received.add(message);
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

  @Override
  public void onError(WebSocket conn, Exception ex) {}

  @Override
  public void onStart() {}

  public boolean awaitBot(long seconds) throws InterruptedException {
    return connected.await(seconds, TimeUnit.SECONDS);
  }

  public void sendToBot(String envelope) {
    bot.send(envelope);
  }

  /** The next message from the bot that mentions {@code text}, or null after the wait. */
  public String awaitFromBot(String text, long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      String m = received.poll(100, TimeUnit.MILLISECONDS);
      if (m != null && m.contains(text)) {
        return m;
      }
    }
    return null;
  }
}
