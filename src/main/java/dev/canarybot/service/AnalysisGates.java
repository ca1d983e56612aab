package dev.canarybot.service;

import dev.canarybot.release.CanaryRelease;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Gates from a fresh analysis of the one release being promoted: any replica can judge it,
 * not only the leader, and a promotion never rides on numbers from before the last change.
 * Missing metrics block, as they are never healthy.
 */
@ApplicationScoped
public class AnalysisGates implements PromotionGates {
  private final ReleaseAnalyzer analyzer;
  private final CanaryConfig config;

  public AnalysisGates(ReleaseAnalyzer analyzer, CanaryConfig config) {
    this.analyzer = analyzer;
    this.config = config;
  }

  @Override
  public List<String> blockers(CanaryRelease release) {
    if (!config.analysis().gates()) {
      return List.of();
    }
    return analyzer.analyze(release).verdict().blockers();
  }
}
