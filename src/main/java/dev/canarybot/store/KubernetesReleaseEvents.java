package dev.canarybot.store;

import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.HistoryEntry;
import dev.canarybot.service.port.ReleaseEvents;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Records what happens to a release as core/v1 Events, so {@code kubectl describe crel} shows it. */
@ApplicationScoped
public class KubernetesReleaseEvents implements ReleaseEvents {
  static final String COMPONENT = "canary-bot";
  /** kubectl and the API server's own recorder cut messages at this length. */
  static final int MAX_MESSAGE = 1024;
  private static final Logger LOG = Logger.getLogger(KubernetesReleaseEvents.class);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private final KubernetesClient client;
  private final Clock clock;

  public KubernetesReleaseEvents(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  @Override
  public void transitioned(CanaryRelease release, HistoryEntry entry) {
    Instant at = entry.at() == null ? clock.instant() : entry.at();
    record(release, entry.action().eventReason(), message(entry), entry.action().warning() ? "Warning" : "Normal", at);
  }

  @Override
  public void warning(CanaryRelease release, String reason, String message) {
    record(release, reason, message, "Warning", clock.instant());
  }

  private void record(CanaryRelease release, String reason, String message, String type, Instant at) {
    try {
      String time = SECONDS.format(at.truncatedTo(ChronoUnit.SECONDS));
      Event event = new EventBuilder()
          .withNewMetadata()
            .withName(uniqueName(release.name()))
            .withNamespace(release.namespace())
          .endMetadata()
          .withInvolvedObject(involvedObject(release))
          .withReason(reason)
          .withMessage(truncate(message))
          .withType(type)
          .withNewSource().withComponent(COMPONENT).endSource()
          .withReportingComponent(COMPONENT)
          .withFirstTimestamp(time)
          .withLastTimestamp(time)
          .withCount(1)
          .build();
      client.v1().events().inNamespace(release.namespace()).resource(event).create();
    } catch (RuntimeException e) {
      // The transition is stored already; a lost event must not undo or block it.
      LOG.warnf(e, "could not record event %s on %s: %s", reason,
          KubernetesReleaseStore.id(release.name(), release.namespace()), message);
    }
  }

  /** With the uid, because {@code kubectl describe} selects events by it. */
  private ObjectReference involvedObject(CanaryRelease release) {
    CanaryReleaseResource stored = client.resources(CanaryReleaseResource.class)
        .inNamespace(release.namespace()).withName(release.name()).get();
    return new ObjectReferenceBuilder()
        .withApiVersion(CanaryReleaseResource.API_VERSION)
        .withKind(CanaryReleaseResource.KIND)
        .withName(release.name())
        .withNamespace(release.namespace())
        .withUid(stored == null ? null : stored.getMetadata().getUid())
        .build();
  }

  /** Event names must be unique in the namespace; several may share one clock tick. */
  private static String uniqueName(String releaseName) {
    return releaseName + "." + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  /** "promoted by @alice at 10:02 UTC: canary 10 % → 50 %, Progressing → Progressing. gates passed". */
  static String message(HistoryEntry e) {
    String weights = e.fromWeight() < 0
        ? "canary at " + e.toWeight() + " %"
        : "canary " + e.fromWeight() + " % → " + e.toWeight() + " %";
    String phases = e.fromPhase() == null ? String.valueOf(e.toPhase()) : e.fromPhase() + " → " + e.toPhase();
    String reason = e.reason() == null || e.reason().isBlank() ? "" : ". " + e.reason();
    return e.describe() + ": " + weights + ", " + phases + reason;
  }

  private static String truncate(String message) {
    return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
  }
}
