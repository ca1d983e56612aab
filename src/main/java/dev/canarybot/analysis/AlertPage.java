package dev.canarybot.analysis;

import dev.canarybot.release.CardRef;

/**
 * How one step of an alert episode reaches the channel. An episode has one top-level message,
 * its page: posted with the mention when the episode opens; an escalation (Watch to Breach),
 * the automatic rollback and the recovery edit it in place and add a line in its thread.
 * People are called a second time only when one of them must act: a breach that nobody rolls
 * back automatically, or an automatic rollback that failed. A page called twice for nothing is
 * how on-call people learn to mute a bot.
 *
 * @param page the episode's message to edit, or {@code null}: post a new one
 * @param mention whether this step calls people
 */
public record AlertPage(CardRef page, boolean mention) {

  /**
   * @param signal what the verdict means for the episode
   * @param open the episode's page as remembered, or {@code null} when it has none (yet)
   * @param personMustAct a breach that stays unless someone rolls it back
   */
  public static AlertPage plan(Episode.Signal signal, CardRef open, boolean personMustAct) {
    // An opening episode never edits: a page left from an earlier episode tells an old story.
    if (open == null || signal == Episode.Signal.OPENED) {
      return new AlertPage(null, true);
    }
    return new AlertPage(open, personMustAct);
  }

  /** Whether this step posts the episode's page (else it edits {@link #page}). */
  public boolean posts() {
    return page == null;
  }
}
