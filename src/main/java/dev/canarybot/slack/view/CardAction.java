package dev.canarybot.slack.view;

import java.util.Optional;

/**
 * What a card button asks for, and what it was drawn for: a button carries the release and the
 * canary weight of the card it sits on, so a click on an old card can be told apart.
 */
public record CardAction(Kind kind, String namespace, String name, int drawnAtWeight) {

  public enum Kind {
    PROMOTE("canary_promote"),
    ROLLBACK("canary_rollback"),
    PAUSE("canary_pause"),
    RESUME("canary_resume"),
    CLEANUP_SCALE("canary_cleanup_scale"),
    CLEANUP_DELETE("canary_cleanup_delete");

    final String actionId;

    Kind(String actionId) {
      this.actionId = actionId;
    }

    public String actionId() {
      return actionId;
    }

    static Optional<Kind> ofActionId(String actionId) {
      for (Kind k : values()) {
        if (k.actionId.equals(actionId)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }

  /** "default/api-vs@10": short, and well under Block Kit's 2000-character value limit. */
  public String value() {
    return namespace + "/" + name + "@" + drawnAtWeight;
  }

  /** Reads a button back; anything malformed is empty, never an exception. */
  public static Optional<CardAction> parse(String actionId, String value) {
    Optional<Kind> kind = Kind.ofActionId(actionId == null ? "" : actionId);
    if (kind.isEmpty() || value == null) {
      return Optional.empty();
    }
    int slash = value.indexOf('/');
    int at = value.lastIndexOf('@');
    if (slash <= 0 || at <= slash + 1 || at == value.length() - 1) {
      return Optional.empty();
    }
    try {
      int weight = Integer.parseInt(value.substring(at + 1));
      if (weight < 0 || weight > 100) {
        return Optional.empty();
      }
      return Optional.of(new CardAction(kind.get(), value.substring(0, slash),
          value.substring(slash + 1, at), weight));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
