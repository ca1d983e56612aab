package dev.canarybot.slack.outbound;

import dev.canarybot.release.CanaryRelease;
import dev.canarybot.service.CanaryConfig;
import dev.canarybot.service.port.MetricsSource;
import dev.canarybot.slack.view.DashboardLinks;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The dashboard links of {@code canary.links.*}, read once at start (a mistake stops the start
 * with the right form, so a typo never reaches a card) and rendered for each card with the
 * canary's version as the metrics source reads it.
 */
@ApplicationScoped
public class CardLinks {
  private static final Logger LOG = Logger.getLogger(CardLinks.class);

  private final DashboardLinks links;
  private final MetricsSource metrics;

  @Inject
  public CardLinks(CanaryConfig config, MetricsSource metrics) {
    this(DashboardLinks.parse(config.links()), metrics);
  }

  CardLinks(DashboardLinks links, MetricsSource metrics) {
    this.links = links;
    this.metrics = metrics;
  }

  /** Creating the bean at start is what checks {@code canary.links} before anything runs. */
  void check(@Observes @Priority(3) StartupEvent started) {
    if (!links.isEmpty()) {
      LOG.infof("cards carry %d dashboard links", links.size());
    }
  }

  /** The release's links; one that cannot be drawn is left off with a log line, never sent. */
  public List<DashboardLinks.Link> of(CanaryRelease r) {
    if (links.isEmpty()) {
      return List.of();
    }
    DashboardLinks.Rendered rendered = links.render(r.target(), metrics.versionOf(r.target().canarySubset()),
        r.status().stepStartedAt());
    rendered.leftOff().forEach(LOG::warn);
    return rendered.links();
  }
}
