package dev.canarybot.service.port;

/** What the bot's own account may do to Deployments, as the API server answers it. */
public interface WorkloadPermissions {

  /**
   * Whether the bot may delete Deployments in {@code namespace}. False when it cannot be told:
   * a Delete button or a cleanup that would fail halfway is never offered on a guess.
   */
  boolean mayDelete(String namespace);
}
