package dev.canarybot.slack.inbound;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Signatures already accepted, each until the time window would refuse it anyway, so a request
 * captured on the way is taken once. Bounded: past {@code capacity} the oldest is forgotten
 * (and that is logged once), because memory must not grow with traffic. One replica's memory
 * only: a replay sent to another replica is not caught here.
 */
final class SeenSignatures {
  private static final Logger LOG = Logger.getLogger(SeenSignatures.class);
  private final int capacity;
  /** Signature → when it may be forgotten, in the order first seen. */
  private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();
  private boolean overflowLogged;

  SeenSignatures(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
  }

  /**
   * Remembers {@code signature} until {@code forgetAt}; false when it was already remembered,
   * i.e. the request is a replay.
   */
  synchronized boolean firstSighting(String signature, Instant forgetAt, Instant now) {
    forgetExpiredAtHead(now);
    if (seen.containsKey(signature)) {
      return false;
    }
    if (seen.size() >= capacity) {
      seen.values().removeIf(until -> !until.isAfter(now));
    }
    if (seen.size() >= capacity) {
      Iterator<Map.Entry<String, Instant>> oldest = seen.entrySet().iterator();
      oldest.next();
      oldest.remove();
      if (!overflowLogged) {
        overflowLogged = true;
        LOG.warnf("more than %d Slack requests within their 5-minute window: the oldest signatures "
            + "are forgotten first, so a replay of those is no longer refused (logged once)", capacity);
      }
    }
    seen.put(signature, forgetAt);
    return true;
  }

  synchronized int size() {
    return seen.size();
  }

  /** Entries arrive roughly in expiry order, so trimming the head keeps the map small cheaply. */
  private void forgetExpiredAtHead(Instant now) {
    Iterator<Instant> head = seen.values().iterator();
    while (head.hasNext() && !head.next().isAfter(now)) {
      head.remove();
    }
  }
}
