package dev.canarybot.slack;

import dev.canarybot.testing.FakeSlack;
import dev.canarybot.testing.StartLog;
import java.util.List;
import java.util.Map;

/**
 * Socket Mode as the socket-mode component deploys it: a bot token and an app-level token,
 * no signing secret, and /slack/events still listening.
 */
public class SocketModeWithoutSecretProfile extends SlackProfile {
  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(StartLog.class),
        new TestResourceEntry(FakeSlack.class, Map.of("socket-mode", "true", "signing-secret", "false")));
  }
}
