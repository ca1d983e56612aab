package dev.canarybot.release;

import java.util.List;

/** The state machine's answer: a transition with its effects, or a refusal with a reason. */
public sealed interface Decision {

  record Accepted(CanaryRelease release, HistoryEntry entry, List<Effect> effects) implements Decision {
    public Accepted {
      effects = List.copyOf(effects);
    }
  }

  record Refused(String reason) implements Decision {}
}
