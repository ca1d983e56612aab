package dev.canarybot.demo.slackapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The messages of every channel in posting order, each in its latest version. Not thread-safe. */
final class ChannelHistory {

  private final Map<String, Map<String, FakeMessage>> channels = new LinkedHashMap<>();

  void add(FakeMessage message) {
    channels.computeIfAbsent(message.channel(), c -> new LinkedHashMap<>())
        .put(message.ts(), message);
  }

  Optional<FakeMessage> find(String channel, String ts) {
    return Optional.ofNullable(channels.getOrDefault(channel, Map.of()).get(ts));
  }

  /** Replaces a message in place, so it keeps its position as in Slack. */
  void replace(FakeMessage message) {
    channels.get(message.channel()).put(message.ts(), message);
  }

  List<FakeMessage> messages(String channel) {
    return new ArrayList<>(channels.getOrDefault(channel, Map.of()).values());
  }

  void clear() {
    channels.clear();
  }
}
