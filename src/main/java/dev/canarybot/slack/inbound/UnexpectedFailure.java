package dev.canarybot.slack.inbound;

import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * The answer to a command or click that failed for a reason nobody foresaw. The chat gets a
 * reference to the log line, never the exception's text: that can carry API server URLs,
 * ServiceAccount names and raw RBAC denials, which are for the operator's log.
 */
final class UnexpectedFailure {
  private static final Logger LOG = Logger.getLogger(UnexpectedFailure.class);

  private UnexpectedFailure() {}

  /** Logs {@code failure} with a fresh reference and returns the words for the person. */
  static String answer(String what, RuntimeException failure) {
    String ref = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    LOG.errorf(failure, "%s failed (ref %s)", what, ref);
    return ":x: canary-bot could not finish " + what + " (ref `" + ref + "` in its log). What was "
        + "already stored stays; the resync carries it on. Try again, or look at `kubectl get crel`.";
  }
}
