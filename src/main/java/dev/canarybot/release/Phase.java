package dev.canarybot.release;

/** Where a release stands. Names are those shown by {@code kubectl get crel}. */
public enum Phase {
  /** Traffic is split and the canary is being observed at a step below 100 %. */
  Progressing,
  /** The bot holds the weights where they are: by a person's request, or after drift. */
  Paused,
  /** The canary takes 100 %; the old version still runs and can take traffic back. */
  Promoted,
  /** The release ended at 100 % and the old version was kept on purpose. */
  Completed,
  /** The old version was scaled to zero or deleted. */
  CleanedUp,
  /** All traffic went back to the stable version. */
  RolledBack,
  /** The bot could not carry on (for example the route vanished); only rollback is offered. */
  Failed;

  /** Releases in these phases own their route: a second start on it is refused. */
  public boolean ownsRoute() {
    return this == Progressing || this == Paused || this == Promoted;
  }

  /** Releases the bot watches and keeps its weights on. */
  public boolean isWatched() {
    return this == Progressing || this == Promoted;
  }
}
