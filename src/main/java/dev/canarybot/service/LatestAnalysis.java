package dev.canarybot.service;

import dev.canarybot.analysis.VerdictKinds;
import dev.canarybot.analysis.VerdictText;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.LastVerdict;
import dev.canarybot.service.port.Analysis;
import dev.canarybot.service.port.MetricsSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest analysis of each release on this replica, for cards and summaries. Only the
 * leader fills it; other replicas fall back on the verdict kept in the release's status.
 */
@ApplicationScoped
public class LatestAnalysis {
  private final Map<String, Analysis> byRelease = new ConcurrentHashMap<>();

  void put(CanaryRelease release, Analysis analysis) {
    byRelease.put(MetricsSource.key(release), analysis);
  }

  /** The newest analysis, if it was made at the release's current weight. */
  public Optional<Analysis> of(CanaryRelease release) {
    return Optional.ofNullable(byRelease.get(MetricsSource.key(release)))
        .filter(a -> a.weight() == release.weight());
  }

  /**
   * The verdict for the card: this replica's newest, else the stored one; {@code null} before
   * any analysis.
   */
  public LastVerdict verdict(CanaryRelease release) {
    return of(release).map(a -> new LastVerdict(VerdictKinds.stored(a.verdict().kind()),
            VerdictText.plain(a.verdict()), a.snapshot().at()))
        .orElse(release.status().lastVerdict());
  }
}
