package dev.canarybot.metrics;

import dev.canarybot.service.port.MetricsSource;

/**
 * A metrics source inside this process that stands in for Prometheus when no Prometheus URL
 * is set (the demo's traffic simulator). Declared here so that metrics/ can pick it without
 * knowing who provides it.
 */
public interface StandInMetricsSource extends MetricsSource {

  /** Where the numbers come from, for the start log. */
  String describe();
}
