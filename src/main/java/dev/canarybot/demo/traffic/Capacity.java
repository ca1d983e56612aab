package dev.canarybot.demo.traffic;

import java.util.OptionalInt;

/** Ready pods behind each version, as the mesh's endpoints would have them; empty when unknown. */
@FunctionalInterface
public interface Capacity {
  /** Capacity that is never known: every version serves at its profile's numbers. */
  Capacity UNKNOWN = version -> OptionalInt.empty();

  OptionalInt readyPods(String version);
}
