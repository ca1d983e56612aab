package dev.canarybot.slack.outbound;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dev.canarybot.slack.SlackSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The one way out to the Slack Web API, in lanes: one per channel, one for user-group lookups,
 * one per user's Home tab ({@link Where}). A lane is a queue ({@link LaneQueue}: per-thread
 * order, urgency between threads, summaries dropped under back-pressure) with a "ready at"
 * time; it sends one call at a time, so a card is posted before its thread replies and
 * updates never overtake each other. A 429 waits for its {@code Retry-After} and transient
 * failures are retried with doubling waits, but only the lane that met them waits: another
 * channel's alert leaves meanwhile. A call is given up only after
 * {@link SlackSettings#retryAttempts()} tries. Lanes run on a few shared workers (lookups on
 * one of their own, so no card traffic is ever ahead of them) and go away when empty. Nothing
 * on the ack path waits for any of it.
 */
@ApplicationScoped
public class SlackOutbox {
  private static final Logger LOG = Logger.getLogger(SlackOutbox.class);
  /** Errors that say "try again later", as opposed to a request that can never succeed. */
  private static final Set<String> TRANSIENT = Set.of("ratelimited", "internal_error",
      "fatal_error", "service_unavailable", "request_timeout");
  /** At most this many channel lanes call Slack at once; a call is I/O, the machine is small. */
  private static final int CALL_WORKERS = 4;
  private static final Duration DRAIN = Duration.ofSeconds(5);

  /** One Web API call; it may throw what the Slack client throws. */
  @FunctionalInterface
  public interface SlackCall<T extends SlackApiTextResponse> {
    T call() throws IOException, SlackApiException;
  }

  /** One queued call and its tries so far; only its lane's turn touches the tries. */
  private static final class Job<T extends SlackApiTextResponse> implements LaneQueue.Entry {
    final Kind kind;
    final String method;
    final String thread;
    final long seq;
    final SlackCall<T> call;
    final CompletableFuture<T> result = new CompletableFuture<>();
    int attempts;
    Duration wait;

    Job(Kind kind, String method, String thread, long seq, SlackCall<T> call, Duration firstWait) {
      this.kind = kind;
      this.method = method;
      this.thread = thread;
      this.seq = seq;
      this.call = call;
      this.wait = firstWait;
    }

    @Override public Kind kind() { return kind; }
    @Override public String thread() { return thread; }
    @Override public long seq() { return seq; }
  }

  /**
   * A queue with a "ready at" time, guarded by itself. Busy while a turn is scheduled or
   * running; gone once it ran empty (a later call opens a new one).
   */
  private static final class Lane {
    final String name;
    final LaneQueue<Job<?>> queue;
    final Executor executor;
    /** {@link System#nanoTime()}: a Retry-After is real time, whatever the injected clock says. */
    long readyAt = System.nanoTime();
    boolean busy;
    boolean gone;

    Lane(String name, int summaryLimit, Executor executor) {
      this.name = name;
      this.queue = new LaneQueue<>(summaryLimit);
      this.executor = executor;
    }
  }

  /** A lane's turn on a worker: more urgent lanes first, then first come. */
  private final class Turn implements Runnable, Comparable<Turn> {
    final Lane lane;
    final int urgency;
    final long seq = order.incrementAndGet();

    Turn(Lane lane) {
      this.lane = lane;
      this.urgency = lane.queue.urgency();
    }

    @Override
    public void run() {
      turn(lane);
    }

    @Override
    public int compareTo(Turn o) {
      int byUrgency = Integer.compare(urgency, o.urgency);
      return byUrgency != 0 ? byUrgency : Long.compare(seq, o.seq);
    }
  }

  private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicLong order = new AtomicLong();
  private final SlackSettings settings;
  private final MeterRegistry meters;
  private final ThreadPoolExecutor calls;
  private final ThreadPoolExecutor lookups;
  private final ScheduledThreadPoolExecutor timer;
  private volatile boolean running = true;

  public SlackOutbox(SlackSettings settings, MeterRegistry meters) {
    this.settings = settings;
    this.meters = meters;
    this.calls = workers("slack-outbox-", CALL_WORKERS);
    this.lookups = workers("slack-lookups-", 1);
    this.timer = new ScheduledThreadPoolExecutor(1, named("slack-outbox-timer-"));
    timer.setRemoveOnCancelPolicy(true);
    timer.setKeepAliveTime(30, TimeUnit.SECONDS);
    timer.allowCoreThreadTimeOut(true);
    meters.gauge("canary.slack.queue", Tags.empty(), pending, AtomicInteger::get);
    meters.gauge("canary.slack.lanes", Tags.empty(), lanes, Map::size);
  }

  /**
   * Queues a call of {@code kind} in the lane {@code where} names; the future completes with
   * Slack's answer, or the reason it was given up (or, for a summary, dropped).
   */
  public <T extends SlackApiTextResponse> CompletableFuture<T> submit(Kind kind, String method,
      Where where, SlackCall<T> call) {
    Job<T> job = new Job<>(kind, method, where.thread(), order.incrementAndGet(), call,
        settings.retryFirstWait());
    if (!running) {
      job.result.completeExceptionally(new SlackCallFailed(method, "not sent: the bot is stopping"));
      return job.result;
    }
    pending.incrementAndGet();
    List<Job<?>> dropped;
    while (true) {
      Lane lane = lanes.computeIfAbsent(where.lane(), name ->
          new Lane(name, settings.summaryBacklog(), where.lookups() ? lookups : calls));
      synchronized (lane) {
        if (lane.gone) {
          continue; // it ran empty meanwhile; the next computeIfAbsent opens a new one
        }
        dropped = lane.queue.add(job);
        if (!lane.busy) {
          lane.busy = true;
          schedule(lane);
        }
      }
      break;
    }
    for (Job<?> d : dropped) {
      drop(d, "backlog", where.lane());
    }
    return job.result;
  }

  /** Calls waiting or in flight, for tests and health. */
  public int pending() {
    return pending.get();
  }

  /** Hands the lane to a worker at its "ready at" time. Holds the lane's lock. */
  private void schedule(Lane lane) {
    long delay = lane.readyAt - System.nanoTime();
    try {
      if (delay <= 0) {
        lane.executor.execute(new Turn(lane));
      } else {
        timer.schedule(() -> wake(lane), delay, TimeUnit.NANOSECONDS);
      }
    } catch (RejectedExecutionException stopped) {
      for (Job<?> left : lane.queue.clear()) {
        drop(left, "shutdown", lane.name);
      }
    }
  }

  private void wake(Lane lane) {
    synchronized (lane) {
      lane.readyAt = System.nanoTime();
      schedule(lane);
    }
  }

  /** One call of the lane: it lands, fails for good, or goes back to wait its pause. */
  private void turn(Lane lane) {
    Job<?> job;
    synchronized (lane) {
      job = lane.queue.take();
    }
    Duration pause = job == null ? null : attempt(job);
    if (job != null && pause == null) {
      // Anything its waiters queued in reply is counted already: they ran as the future completed.
      pending.decrementAndGet();
    }
    synchronized (lane) {
      if (pause != null) {
        lane.queue.putBack(job);
        lane.readyAt = System.nanoTime() + pause.toNanos();
      }
      if (lane.queue.isEmpty()) {
        lane.busy = false;
        lane.gone = true;
        lanes.remove(lane.name, lane);
      } else {
        schedule(lane);
      }
    }
  }

  /** Tries the call once; returns how long its lane waits before the next try, or null when done. */
  private <T extends SlackApiTextResponse> Duration attempt(Job<T> job) {
    job.attempts++;
    Duration pause;
    String why;
    try {
      T response = job.call.call();
      if (response.isOk()) {
        count(job.method, "ok");
        job.result.complete(response);
        return null;
      }
      if (!TRANSIENT.contains(response.getError())) {
        count(job.method, "failed");
        LOG.warnf("Slack %s failed: %s", job.method, response.getError());
        job.result.completeExceptionally(new SlackCallFailed(job.method, response.getError()));
        return null;
      }
      why = response.getError();
      pause = job.wait;
    } catch (SlackApiException e) {
      int status = e.getResponse().code();
      if (status == 429) {
        why = "429";
        pause = retryAfter(e, job.wait);
      } else if (status >= 500) {
        why = "http " + status;
        pause = job.wait;
      } else {
        count(job.method, "failed");
        LOG.warnf("Slack %s failed with HTTP %d", job.method, status);
        job.result.completeExceptionally(new SlackCallFailed(job.method, "http " + status));
        return null;
      }
    } catch (IOException | RuntimeException e) {
      why = e.getClass().getSimpleName();
      pause = job.wait;
    }
    if (job.attempts >= settings.retryAttempts() || !running) {
      count(job.method, "dropped");
      LOG.errorf("Slack %s given up after %d tries (last: %s)", job.method, job.attempts, why);
      job.result.completeExceptionally(new SlackCallFailed(job.method, "gave up after "
          + job.attempts + " tries: " + why));
      return null;
    }
    meters.counter("canary.slack.retries", "method", job.method, "reason",
        why.startsWith("http") ? "5xx" : why).increment();
    LOG.debugf("Slack %s: %s, try %d again in %s", job.method, why, job.attempts + 1, pause);
    job.wait = min(job.wait.multipliedBy(2), settings.retryMaxWait());
    return pause;
  }

  /** A call that will never be sent: counted, logged, and its waiter told. */
  private void drop(Job<?> job, String reason, String lane) {
    meters.counter("canary.slack.dropped", "method", job.method, "reason", reason).increment();
    LOG.warnf("Slack %s (%s) dropped in lane %s: %s", job.method, job.kind, lane,
        reason.equals("backlog") ? "too many summaries waiting, a newer one follows" : "the bot stopped");
    job.result.completeExceptionally(new SlackCallFailed(job.method, "dropped: " + reason));
    pending.decrementAndGet();
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

  private static ThreadPoolExecutor workers(String prefix, int size) {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS,
        new PriorityBlockingQueue<>(), named(prefix));
    // Idle lanes hold no thread either.
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Whether some lane may still send before {@code deadline} (one waiting out a long 429 won't). */
  private boolean anyReadyBefore(long deadline) {
    for (Lane lane : lanes.values()) {
      synchronized (lane) {
        if (lane.readyAt - deadline < 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** Drains for a moment, then stops; whatever is left is dropped, and its waiters told. */
  @PreDestroy
  public void stop() {
    // Give queued card updates and audit lines a moment to leave before the process ends.
    long deadline = System.nanoTime() + DRAIN.toNanos();
    while (pending.get() > 0 && System.nanoTime() < deadline && anyReadyBefore(deadline)) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    running = false;
    timer.shutdownNow();
    calls.shutdownNow();
    lookups.shutdownNow();
    for (Lane lane : lanes.values()) {
      List<Job<?>> left;
      synchronized (lane) {
        left = lane.queue.clear();
      }
      for (Job<?> job : left) {
        drop(job, "shutdown", lane.name);
      }
    }
  }
}
