package dev.canarybot.service;

import dev.canarybot.slack.SlackProfile;
import dev.canarybot.testing.FakeSlack;
import dev.canarybot.testing.SimulatedMesh;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Slack faked, metrics real: the simulator scraped by Debian's Prometheus; gates on. */
public class AnalysisProfile extends SlackProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    Map<String, String> config = new HashMap<>(super.getConfigOverrides());
    config.put("canary.analysis.gates", "true");
    config.put("canary.analysis.window", "20s");
    // The test Prometheus scrapes every second: a step is judged on its own traffic after 3 s.
    config.put("canary.analysis.scrape-interval", "1s");
    config.put("canary.analysis.unavailable-ticks", "2");
    // Observation time is tested in the analysis unit tests; here the numbers decide.
    config.put("canary.observe-first-step", "0s");
    config.put("canary.observe-later-steps", "0s");
    return config;
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(FakeSlack.class), new TestResourceEntry(SimulatedMesh.class));
  }
}
