package dev.canarybot.store;

/** A read or write of a CanaryRelease failed for a reason other than a lost compare-and-swap. */
public class ReleaseStoreException extends RuntimeException {
  public ReleaseStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
