package dev.canarybot.service;

import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.HistoryEntry;
import dev.canarybot.service.port.ReleaseEvents;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event as "Action: reason" lines. */
final class RecordingEvents implements ReleaseEvents {
  final List<String> lines = new CopyOnWriteArrayList<>();

  @Override
  public void transitioned(CanaryRelease release, HistoryEntry entry) {
    lines.add(entry.action().word() + ": " + entry.reason());
  }

  @Override
  public void warning(String namespace, String name, String reason, String message) {
    lines.add(reason + ": " + message);
  }
}
