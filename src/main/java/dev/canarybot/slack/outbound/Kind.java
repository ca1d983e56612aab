package dev.canarybot.slack.outbound;

/**
 * What a Slack call carries, said by its caller: it decides how soon the call leaves and
 * whether it may be dropped. Urgency 0 goes first; only {@link #SUMMARY} is ever dropped.
 */
public enum Kind {
  /** A top-level message that calls people: breach, watch, metrics unavailable. */
  ALERT(0),
  /** An answer to a person's command or click, when its response_url cannot carry it. */
  REPLY(0),
  /** A user-group lookup: someone's click waits for it. */
  LOOKUP(0),
  /** A release card, posted or redrawn in place. */
  CARD(1),
  /** A line in a card's or an alert's thread: a transition, a recovery. */
  THREAD_LINE(1),
  /** A Home tab view, published for one user. */
  VIEW(1),
  /** The scheduled numbers in a card's thread, and their chart; newer ones say the same, later. */
  SUMMARY(2);

  private final int urgency;

  Kind(int urgency) {
    this.urgency = urgency;
  }

  /** 0 first; a lane sends a more urgent call before a less urgent one of another thread. */
  public int urgency() {
    return urgency;
  }

  /** Whether back-pressure may drop it: only summaries, which the next summary repeats. */
  public boolean droppable() {
    return this == SUMMARY;
  }
}
