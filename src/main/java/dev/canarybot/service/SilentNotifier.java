package dev.canarybot.service;

import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.HistoryEntry;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** The notifier when no chat is wired in: transitions still reach Kubernetes Events. */
@ApplicationScoped
@DefaultBean
public class SilentNotifier implements ReleaseNotifier {
  @Override
  public void transitioned(CanaryRelease release, HistoryEntry entry, String outcome) {
    // Nothing to tell: the history and the Kubernetes Events already hold the transition.
  }
}
