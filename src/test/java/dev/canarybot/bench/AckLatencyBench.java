package dev.canarybot.bench;

import dev.canarybot.demo.slackapi.FakeSlackServer;
import dev.canarybot.demo.slackapi.FakeSlackWebApi;
import dev.canarybot.testing.FakeSlack;
import dev.canarybot.testing.SignedSlack;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Acknowledgement latency of the packaged app under a slow Kubernetes API: 50 signed commands
 * and clicks at once, each acknowledged before any cluster work. Slack gives up after 3 s.
 *
 * <p>Run with {@code bench/ack-latency.sh}; results go to {@code bench/results/ack-latency.txt}.
 */
public final class AckLatencyBench {
  private static final int REQUESTS = 50;
  private static final Duration KUBERNETES_DELAY = Duration.ofSeconds(2);

  public static void main(String[] args) throws Exception {
    Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
    int port = freePort();
    try (SlowKubernetesApi kubernetes = new SlowKubernetesApi(KUBERNETES_DELAY);
        FakeSlackServer slack = FakeSlackServer.start(new FakeSlackWebApi(FakeSlack.TOKEN, Clock.systemUTC()))) {
      ProcessBuilder app = new ProcessBuilder("java", "-jar", jar.toString())
          .redirectErrorStream(true).redirectOutput(new File("target/ack-latency-app.log"));
      Map<String, String> env = app.environment();
      env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
      env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
      env.put("QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL", kubernetes.url());
      env.put("QUARKUS_KUBERNETES_CLIENT_TRUST_CERTS", "true");
      env.put("SLACK_BOT_TOKEN", FakeSlack.TOKEN);
      env.put("SLACK_SIGNING_SECRET", FakeSlack.SECRET);
      env.put("SLACK_API_URL", slack.methodsUrlPrefix());
      env.put("CANARY_OPERATORS", "U0OPERATOR");
      env.put("CANARY_APPROVERS", "U0APPROVER");
      env.put("CANARY_RESYNC_INTERVAL", "off");
      Process process = app.start();
      try {
        waitUntilUp(port);
        List<Long> millis = fire(new SignedSlack(URI.create("http://127.0.0.1:" + port + "/slack/events"),
            FakeSlack.SECRET, slack.api()), slack.api());
        report(millis);
      } finally {
        process.destroy();
        process.waitFor();
      }
    }
  }

  private static List<Long> fire(SignedSlack signed, FakeSlackWebApi api) throws Exception {
    // One warm-up request: the first Bolt request does auth.test and class loading.
    signed.command("U0OPERATOR", "C0CANARY", "list");
    ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<SignedSlack.Answer>> answers = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      int n = i;
      answers.add(pool.submit(() -> {
        go.await();
        switch (n % 4) {
          case 0: return signed.command("U0OPERATOR", "C0CANARY", "start api-vs");
          case 1: return signed.command("U0APPROVER", "C0CANARY", "promote api-vs");
          case 2: return signed.click("U0APPROVER", "C0CANARY", "1700000000.000100", "canary_promote", "default/api-vs@10");
          default: return signed.click("U0OPERATOR", "C0CANARY", "1700000000.000100", "canary_rollback", "default/api-vs@10");
        }
      }));
    }
    go.countDown();
    List<Long> millis = new ArrayList<>();
    for (Future<SignedSlack.Answer> f : answers) {
      SignedSlack.Answer a = f.get();
      if (a.status() != 200) {
        throw new IllegalStateException("a request was answered " + a.status() + ": " + a.body());
      }
      millis.add(a.took().toMillis());
    }
    pool.shutdown();
    return millis;
  }

  private static void report(List<Long> millis) throws Exception {
    Collections.sort(millis);
    String text = String.join("\n",
        "ack latency of " + REQUESTS + " concurrent signed requests (commands and clicks)",
        "Kubernetes API delay per call: " + KUBERNETES_DELAY.toMillis() + " ms",
        "measured: " + Instant.now(),
        "machine: " + Runtime.getRuntime().availableProcessors() + " cores",
        "p50 ms: " + percentile(millis, 50),
        "p90 ms: " + percentile(millis, 90),
        "p99 ms: " + percentile(millis, 99),
        "max ms: " + millis.get(millis.size() - 1),
        "Slack's limit: 3000 ms", "");
    Files.createDirectories(Path.of("bench", "results"));
    Files.writeString(Path.of("bench", "results", "ack-latency.txt"), text);
    System.out.print(text);
  }

  private static long percentile(List<Long> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static void waitUntilUp(int port) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/q/health/live")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (Exception e) {
        // Not up yet.
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the app did not come up; see target/ack-latency-app.log");
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
