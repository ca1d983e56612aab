package dev.canarybot.slack.inbound;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Where the work behind a command or a click runs, after Slack was acknowledged: a slow
 * Kubernetes API must never make Slack show a timeout.
 */
@ApplicationScoped
public class SlackWork {
  private static final Logger LOG = Logger.getLogger(SlackWork.class);
  private final ThreadPoolExecutor pool =
      (ThreadPoolExecutor) Executors.newFixedThreadPool(8, named());
  private final AtomicLong handedOver = new AtomicLong();

  public void run(String what, Runnable task) {
    handedOver.incrementAndGet();
    pool.execute(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.errorf(e, "%s failed", what);
      }
    });
  }

  /** How many pieces of work were ever handed over: a refused request must not add one. */
  public long handedOver() {
    return handedOver.get();
  }

  /** True when no work is running or waiting. */
  public boolean idle() {
    return pool.getActiveCount() == 0 && pool.getQueue().isEmpty();
  }

  private static ThreadFactory named() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "slack-work-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @PreDestroy
  void stop() throws InterruptedException {
    // In-flight actions finish; a half-done one is re-played by the resync from its CanaryRelease.
    pool.shutdown();
    pool.awaitTermination(20, TimeUnit.SECONDS);
  }
}
