package dev.canarybot.slack;

import java.util.HashMap;
import java.util.Map;

/** {@link SlackProfile} with {@code canary.namespaces} set: the bot manages namespace default only. */
public class ManagedNamespacesProfile extends SlackProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
    overrides.put("canary.namespaces", "default");
    return overrides;
  }
}
