package dev.canarybot.service;

import dev.canarybot.release.CanaryRelease;
import java.util.List;

/** What stands between a canary and its next step, judged with fresh numbers. */
public interface PromotionGates {

  /** Empty when the canary may move on; else each reason in plain words. */
  List<String> blockers(CanaryRelease release);
}
