package dev.canarybot.analysis;

import dev.canarybot.analysis.Verdict.Kind;

/**
 * Alert episodes: the channel hears once when a canary starts hurting (Watch or Breach), once
 * more if it gets worse, and once when it is healthy again; never every tick. Missing data
 * does not end an episode, because missing metrics are never healthy.
 */
public final class Episode {

  /** What a tick's verdict means for the channel. */
  public enum Signal {
    /** Nothing to say; remember the new kind if it differs. */
    NONE,
    /** A Watch or Breach episode begins: alert. */
    OPENED,
    /** Watch became Breach: alert again. */
    WORSENED,
    /** Healthy after an alert: say so in the alert's thread. */
    RECOVERED,
    /** No verdict to act on (no data): keep the open episode as it is. */
    HOLD
  }

  private Episode() {}

  /** @param previous the last remembered kind, or null before the first analysis */
  public static Signal next(Kind previous, Kind now) {
    boolean wasAlerting = alerting(previous);
    if (alerting(now)) {
      if (!wasAlerting) {
        return Signal.OPENED;
      }
      return previous == Kind.Watch && now == Kind.Breach ? Signal.WORSENED : Signal.NONE;
    }
    if (wasAlerting) {
      return now == Kind.Healthy ? Signal.RECOVERED : Signal.HOLD;
    }
    return Signal.NONE;
  }

  private static boolean alerting(Kind kind) {
    return kind == Kind.Watch || kind == Kind.Breach;
  }
}
