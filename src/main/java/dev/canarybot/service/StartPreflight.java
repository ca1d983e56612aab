package dev.canarybot.service;

import dev.canarybot.release.Preflight;
import dev.canarybot.release.PreflightRules;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.release.StartFacts;
import dev.canarybot.service.port.MetricsSource;
import dev.canarybot.service.port.PreflightFacts;
import dev.canarybot.service.port.TargetException;
import dev.canarybot.service.port.TargetResolver;
import jakarta.enterprise.context.ApplicationScoped;

/** Gathers what a start's checks need, reading only, and lets {@link PreflightRules} judge it. */
@ApplicationScoped
public class StartPreflight {
  private final PreflightFacts facts;
  private final TargetResolver resolver;
  private final MetricsSource metrics;
  private final CanaryConfig config;

  public StartPreflight(PreflightFacts facts, TargetResolver resolver, MetricsSource metrics, CanaryConfig config) {
    this.facts = facts;
    this.resolver = resolver;
    this.metrics = metrics;
    this.config = config;
  }

  /** @throws TargetException when the cluster cannot be read: nothing is known, so nothing may start */
  public Preflight check(ReleaseTarget t) {
    StartFacts.Sample sample;
    try {
      sample = metrics.recentSample(t, t.stableSubset(), config.analysis().window());
    } catch (RuntimeException e) {
      sample = StartFacts.Sample.unavailable(e.getMessage());
    }
    return PreflightRules.decide(new StartFacts(t,
        facts.workload(t.namespace(), t.stableWorkload()),
        facts.workload(t.namespace(), t.canaryWorkload()),
        resolver.workloadMismatch(t).orElse(null),
        resolver.routeMeta(t),
        sample));
  }
}
