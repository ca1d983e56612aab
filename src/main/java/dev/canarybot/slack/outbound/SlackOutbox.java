package dev.canarybot.slack.outbound;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dev.canarybot.slack.SlackSettings;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The one way out to the Slack Web API. Calls run in order on one worker, so a card is posted
 * before its thread replies and updates never overtake each other. A 429 waits for its
 * {@code Retry-After}; transient failures are retried with doubling waits; a call is given up
 * only after {@link SlackSettings#retryAttempts()} tries. Nothing on the ack path waits for it.
 */
@ApplicationScoped
public class SlackOutbox {
  private static final Logger LOG = Logger.getLogger(SlackOutbox.class);
  /** Errors that say "try again later", as opposed to a request that can never succeed. */
  private static final Set<String> TRANSIENT = Set.of("ratelimited", "internal_error",
      "fatal_error", "service_unavailable", "request_timeout");

  /** One Web API call; it may throw what the Slack client throws. */
  @FunctionalInterface
  public interface SlackCall<T extends SlackApiTextResponse> {
    T call() throws IOException, SlackApiException;
  }

  private record Job<T extends SlackApiTextResponse>(
      String method, SlackCall<T> call, CompletableFuture<T> result) {}

  private final BlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
  private final SlackSettings settings;
  private final MeterRegistry meters;
  private final Thread worker;
  private volatile boolean running = true;

  public SlackOutbox(SlackSettings settings, MeterRegistry meters) {
    this.settings = settings;
    this.meters = meters;
    meters.gaugeCollectionSize("canary.slack.queue", java.util.List.of(), queue);
    this.worker = new Thread(this::drain, "slack-outbox");
    worker.setDaemon(true);
    worker.start();
  }

  /** Queues a call; the future completes with Slack's answer or the reason it was given up. */
  public <T extends SlackApiTextResponse> CompletableFuture<T> submit(String method, SlackCall<T> call) {
    CompletableFuture<T> result = new CompletableFuture<>();
    queue.add(new Job<>(method, call, result));
    return result;
  }

  /** Calls waiting, for tests and health. */
  public int pending() {
    return queue.size();
  }

  private void drain() {
    while (running) {
      Job<?> job;
      try {
        job = queue.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (job != null) {
        run(job);
      }
    }
  }

  private <T extends SlackApiTextResponse> void run(Job<T> job) {
    Duration wait = settings.retryFirstWait();
    for (int attempt = 1; ; attempt++) {
      Duration pause;
      String why;
      try {
        T response = job.call().call();
        if (response.isOk()) {
          count(job.method(), "ok");
          job.result().complete(response);
          return;
        }
        if (!TRANSIENT.contains(response.getError())) {
          count(job.method(), "failed");
          LOG.warnf("Slack %s failed: %s", job.method(), response.getError());
          job.result().completeExceptionally(new SlackCallFailed(job.method(), response.getError()));
          return;
        }
        why = response.getError();
        pause = wait;
      } catch (SlackApiException e) {
        int status = e.getResponse().code();
        if (status == 429) {
          why = "429";
          pause = retryAfter(e, wait);
        } else if (status >= 500) {
          why = "http " + status;
          pause = wait;
        } else {
          count(job.method(), "failed");
          LOG.warnf("Slack %s failed with HTTP %d", job.method(), status);
          job.result().completeExceptionally(new SlackCallFailed(job.method(), "http " + status));
          return;
        }
      } catch (IOException | RuntimeException e) {
        why = e.getClass().getSimpleName();
        pause = wait;
      }
      if (attempt >= settings.retryAttempts() || !running) {
        count(job.method(), "dropped");
        LOG.errorf("Slack %s given up after %d tries (last: %s)", job.method(), attempt, why);
        job.result().completeExceptionally(new SlackCallFailed(job.method(), "gave up after "
            + attempt + " tries: " + why));
        return;
      }
      meters.counter("canary.slack.retries", "method", job.method(), "reason", why.startsWith("http") ? "5xx" : why).increment();
      LOG.debugf("Slack %s: %s, try %d again in %s", job.method(), why, attempt + 1, pause);
      if (!sleep(pause)) {
        return;
      }
      wait = min(wait.multipliedBy(2), settings.retryMaxWait());
    }
  }

  private Duration retryAfter(SlackApiException e, Duration fallback) {
    String header = e.getResponse().header("Retry-After");
    try {
      return header == null ? fallback : Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
    } catch (NumberFormatException bad) {
      return fallback;
    }
  }

  private void count(String method, String outcome) {
    meters.counter("canary.slack.calls", "method", method, "outcome", outcome).increment();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static boolean sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @PreDestroy
  void stop() {
    // Give queued card updates and audit lines a moment to leave before the process ends.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!queue.isEmpty() && System.nanoTime() < deadline) {
      sleep(Duration.ofMillis(50));
    }
    running = false;
    worker.interrupt();
  }
}
