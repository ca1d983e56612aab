package dev.canarybot.store;

import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.HistoryEntry;
import dev.canarybot.service.port.ReleaseEvents;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
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
    // Each transition happens once: its own Event, however alike two of them read.
    create(release.namespace(), release.name(), uniqueName(release.name()), entry.action().eventReason(),
        message(entry), entry.action().warning() ? "Warning" : "Normal", at);
  }

  @Override
  public void warning(String namespace, String name, String reason, String message) {
    // A failure the resync retries repeats every interval: one Event counts them, as the
    // kubelet's own recorder does, instead of a new object each time.
    String eventName = aggregateName(name, reason, truncate(message));
    Instant at = clock.instant();
    try {
      for (int attempt = 0; attempt < 3; attempt++) {
        Event existing = client.v1().events().inNamespace(namespace).withName(eventName).get();
        if (existing == null) {
          if (create(namespace, name, eventName, reason, message, "Warning", at)) {
            return;
          }
          continue; // another replica created it meanwhile: count on theirs
        }
        existing.setCount(existing.getCount() == null ? 2 : existing.getCount() + 1);
        existing.setLastTimestamp(SECONDS.format(at.truncatedTo(ChronoUnit.SECONDS)));
        try {
          client.v1().events().inNamespace(namespace).resource(existing).update();
          return;
        } catch (KubernetesClientException e) {
          if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
            throw e;
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.warnf("could not record event %s on %s: %s (%s)", reason,
          KubernetesReleaseStore.id(name, namespace), message, e.getMessage());
    }
  }

  /** Creates one Event; false when one of that name exists already. Never throws. */
  private boolean create(String namespace, String name, String eventName, String reason,
      String message, String type, Instant at) {
    try {
      String time = SECONDS.format(at.truncatedTo(ChronoUnit.SECONDS));
      Event event = new EventBuilder()
          .withNewMetadata()
            .withName(eventName)
            .withNamespace(namespace)
          .endMetadata()
          .withInvolvedObject(involvedObject(namespace, name))
          .withReason(reason)
          .withMessage(truncate(message))
          .withType(type)
          .withNewSource().withComponent(COMPONENT).endSource()
          .withReportingComponent(COMPONENT)
          .withFirstTimestamp(time)
          .withLastTimestamp(time)
          .withCount(1)
          .build();
      client.v1().events().inNamespace(namespace).resource(event).create();
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        return false;
      }
      // The transition is stored already; a lost event must not undo or block it.
      LOG.warnf("could not record event %s on %s: %s (%s)", reason,
          KubernetesReleaseStore.id(name, namespace), message, e.getMessage());
      return true;
    } catch (RuntimeException e) {
      LOG.warnf("could not record event %s on %s: %s (%s)", reason,
          KubernetesReleaseStore.id(name, namespace), message, e.getMessage());
      return true;
    }
  }

  /** With the uid, because {@code kubectl describe} selects events by it. */
  private ObjectReference involvedObject(String namespace, String name) {
    CanaryReleaseResource stored = client.resources(CanaryReleaseResource.class)
        .inNamespace(namespace).withName(name).get();
    return new ObjectReferenceBuilder()
        .withApiVersion(CanaryReleaseResource.API_VERSION)
        .withKind(CanaryReleaseResource.KIND)
        .withName(name)
        .withNamespace(namespace)
        .withUid(stored == null ? null : stored.getMetadata().getUid())
        .build();
  }

  /** Event names must be unique in the namespace; several may share one clock tick. */
  private static String uniqueName(String releaseName) {
    return shortened(releaseName) + "." + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  /** The same warning about the same release has the same name, so it is found and counted. */
  static String aggregateName(String releaseName, String reason, String message) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((reason + "\n" + message).getBytes(StandardCharsets.UTF_8));
      return shortened(releaseName) + "." + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static String shortened(String releaseName) {
    return releaseName.length() > 200 ? releaseName.substring(0, 200) : releaseName;
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
