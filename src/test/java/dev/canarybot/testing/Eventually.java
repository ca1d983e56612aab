package dev.canarybot.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for work that runs after Slack's acknowledgement. */
public final class Eventually {
  private Eventually() {}

  public static <T> T await(String what, Supplier<T> probe, java.util.function.Predicate<T> done) {
    return await(what, Duration.ofSeconds(15), probe, done);
  }

  /** For conditions that take real time by nature (a window of traffic filling up). */
  public static <T> T await(String what, Duration limit, Supplier<T> probe, java.util.function.Predicate<T> done) {
    long deadline = System.nanoTime() + limit.toNanos();
    T last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = probe.get();
        if (done.test(last)) {
          return last;
        }
      } catch (RuntimeException e) {
        // Not there yet.
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("timed out waiting for " + what + "; last seen: " + last);
  }
}
