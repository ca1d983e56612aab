package dev.canarybot.analysis;

import dev.canarybot.release.VerdictKind;

/**
 * The analysis' kind and the one a release stores, mapped both ways with exhaustive switches,
 * so a kind added on one side only fails the build instead of reading back as nothing.
 */
public final class VerdictKinds {
  private VerdictKinds() {}

  public static VerdictKind stored(Verdict.Kind kind) {
    return switch (kind) {
      case Healthy -> VerdictKind.Healthy;
      case Inconclusive -> VerdictKind.Inconclusive;
      case Watch -> VerdictKind.Watch;
      case Breach -> VerdictKind.Breach;
    };
  }

  public static Verdict.Kind analysed(VerdictKind kind) {
    return switch (kind) {
      case Healthy -> Verdict.Kind.Healthy;
      case Inconclusive -> Verdict.Kind.Inconclusive;
      case Watch -> Verdict.Kind.Watch;
      case Breach -> Verdict.Kind.Breach;
    };
  }
}
