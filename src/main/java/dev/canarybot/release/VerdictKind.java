package dev.canarybot.release;

import java.util.Arrays;
import java.util.Optional;

/**
 * The analysis' conclusion as a release keeps it; the stored form is the constant's name.
 * It lives here, not in analysis/, because the release must not know the analysis.
 */
public enum VerdictKind {
  Healthy, Inconclusive, Watch, Breach;

  /** The word a person reads first: "Not enough data" says more than "Inconclusive". */
  public String label() {
    return this == Inconclusive ? "Not enough data" : name();
  }

  /** The kind stored under {@code name}, or empty for a name no version of the bot writes. */
  public static Optional<VerdictKind> of(String name) {
    return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
  }
}
