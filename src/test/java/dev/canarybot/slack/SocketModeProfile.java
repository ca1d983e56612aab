package dev.canarybot.slack;

import dev.canarybot.testing.FakeSlack;
import java.util.List;
import java.util.Map;

/** The Slack profile, with an app-level token: the bot connects over Socket Mode. */
public class SocketModeProfile extends SlackProfile {
  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(FakeSlack.class, Map.of("socket-mode", "true")));
  }
}
