package dev.canarybot.slack;

import dev.canarybot.testing.FakeSlack;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The bot wired to the fake Slack, with one operator, one approver and one outsider. */
public class SlackProfile implements QuarkusTestProfile {
  public static final String OPERATOR = "U0OPERATOR";
  public static final String APPROVER = "U0APPROVER";
  public static final String OUTSIDER = "U0OUTSIDER";

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "canary.operators", OPERATOR,
        "canary.approvers", APPROVER + ",S0APPROVERS",
        "canary.channel", FakeSlack.CHANNEL,
        "canary.cleanup-after", "0s",
        "canary.second-approver", "true");
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(FakeSlack.class));
  }
}
