package dev.canarybot.release;

/** What must happen in the cluster after a transition is stored. */
public sealed interface Effect {

  /** Drive the route to {@code 100 - canaryWeight} / {@code canaryWeight}. */
  record SetWeights(int canaryWeight) implements Effect {}

  /**
   * Take the route back (a resume after a pause, a rollback): whatever weights it has now
   * count as the bot's, then the release's weight is applied.
   */
  record ReassertWeights(int canaryWeight) implements Effect {}

  /** Retire the old Deployment; with {@link CleanupMode#DELETE} its route entry goes too. */
  record RetireStable(String workload, CleanupMode mode) implements Effect {}
}
