package dev.canarybot.service.port;

/**
 * Whether this replica runs the scheduled work (analysis, summaries, alerts, resync). With
 * several replicas exactly one leads, so nothing is posted twice; any replica answers Slack.
 */
public interface Leadership {
  boolean isLeader();
}
