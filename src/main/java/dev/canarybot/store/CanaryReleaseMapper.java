package dev.canarybot.store;

import dev.canarybot.release.Action;
import dev.canarybot.release.AddedRoute;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CapacityMode;
import dev.canarybot.release.CapacityState;
import dev.canarybot.release.CardRef;
import dev.canarybot.release.ChangeWindows;
import dev.canarybot.release.CleanupMode;
import dev.canarybot.release.HistoryEntry;
import dev.canarybot.release.LastVerdict;
import dev.canarybot.release.Nudge;
import dev.canarybot.release.Names;
import dev.canarybot.release.Phase;
import dev.canarybot.release.ReleasePlan;
import dev.canarybot.release.ReleaseStatus;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.release.TestersMatch;
import dev.canarybot.release.VerdictKind;
import dev.canarybot.service.port.UnreadableReleaseException;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Translates between the domain's CanaryRelease and the stored resource; no I/O. */
public final class CanaryReleaseMapper {

  private CanaryReleaseMapper() {}

  /** A resource without resourceVersion: the store sets it for the write it makes. */
  public static CanaryReleaseResource toResource(CanaryRelease release) {
    CanaryReleaseResource resource = new CanaryReleaseResource();
    ObjectMeta meta = new ObjectMeta();
    meta.setName(release.name());
    meta.setNamespace(release.namespace());
    resource.setMetadata(meta);
    resource.setSpec(toSpec(release));
    resource.setStatus(toStatus(release.status()));
    return resource;
  }

  /**
   * @throws UnreadableReleaseException when the resource lacks what a release needs, e.g. a
   *     status (it is written just after the object is created) or a valid plan
   */
  public static CanaryRelease toDomain(CanaryReleaseResource resource) {
    String name = resource.getMetadata().getName();
    String namespace = resource.getMetadata().getNamespace();
    String id = "CanaryRelease " + name + "." + namespace;
    CanaryReleaseSpec spec = resource.getSpec();
    if (spec == null || spec.target == null) {
      throw new UnreadableReleaseException(id + " has no spec.target");
    }
    // What a release touches is named in its spec, which anyone who may write CanaryReleases in
    // this namespace can edit: it must never reach beyond the object's own namespace.
    if (!namespace.equals(spec.target.namespace)) {
      throw new UnreadableReleaseException(id + " names spec.target.namespace "
          + (spec.target.namespace == null ? "(none)" : "\"" + spec.target.namespace + "\"")
          + ", but a CanaryRelease acts only in its own namespace " + namespace);
    }
    if (resource.getStatus() == null || resource.getStatus().phase == null) {
      throw new UnreadableReleaseException(id + " has no status yet");
    }
    ReleaseTarget target;
    ReleaseStatus status;
    ReleasePlan plan;
    try {
      target = toTarget(spec.target);
      plan = new ReleasePlan(spec.steps, Duration.parse(spec.cleanupAfter));
      status = toStatus(resource.getStatus());
    } catch (RuntimeException e) {
      throw new UnreadableReleaseException(id + " cannot be read: " + e.getMessage(), e);
    }
    String names = Names.problemWith(target);
    if (!names.isEmpty()) {
      throw new UnreadableReleaseException(id + ": spec.target." + names);
    }
    String inconsistent = problemWith(status, plan);
    if (!inconsistent.isEmpty()) {
      throw new UnreadableReleaseException(id + ": status." + inconsistent);
    }
    TestersMatch testers;
    try {
      testers = spec.testers == null ? null : TestersMatch.parse(spec.testers);
    } catch (IllegalArgumentException e) {
      throw new UnreadableReleaseException(id + ": spec.testers: " + e.getMessage(), e);
    }
    if (spec.windows != null) {
      try {
        ChangeWindows.parse(spec.windows, id + " spec.windows");
      } catch (RuntimeException e) {
        // A hand-edited window the bot cannot read is refused, never taken for "always".
        throw new UnreadableReleaseException(e.getMessage(), e);
      }
    }
    return new CanaryRelease(name, target, plan, spec.autoRollback, status, spec.thresholds,
        CheckSpecDto.toChecks(spec.checks),
        spec.capacity == null ? CapacityMode.MATCH_WEIGHT : CapacityMode.of(spec.capacity).orElseThrow(
            () -> new UnreadableReleaseException(id + ": spec.capacity " + spec.capacity
                + " is neither match-weight nor off")),
        testers, spec.windows);
  }

  /** A status the bot could act on: every field it reads is there and agrees with the plan. */
  private static String problemWith(ReleaseStatus s, ReleasePlan plan) {
    if (s.stepStartedAt() == null) {
      return "stepStartedAt is missing";
    }
    if (s.stepIndex() < 0 || s.stepIndex() > plan.lastIndex()) {
      return "stepIndex " + s.stepIndex() + " is not a step of the plan " + plan.describe();
    }
    if (s.history().isEmpty()) {
      return "history is empty";
    }
    return "";
  }

  static CanaryReleaseSpec toSpec(CanaryRelease release) {
    ReleaseTarget t = release.target();
    TargetSpec target = new TargetSpec();
    target.namespace = t.namespace();
    target.virtualService = t.virtualService();
    target.route = t.route();
    target.host = t.host();
    target.stableSubset = t.stableSubset();
    target.canarySubset = t.canarySubset();
    target.stableWorkload = t.stableWorkload();
    target.canaryWorkload = t.canaryWorkload();
    CanaryReleaseSpec spec = new CanaryReleaseSpec();
    spec.target = target;
    spec.steps = new ArrayList<>(release.plan().steps());
    spec.cleanupAfter = release.plan().cleanupAfter().toString();
    spec.autoRollback = release.autoRollback();
    spec.capacity = release.capacity() == CapacityMode.MATCH_WEIGHT ? null : release.capacity().word();
    spec.thresholds = release.thresholds().isEmpty() ? null : new java.util.TreeMap<>(release.thresholds());
    spec.windows = release.windows();
    spec.checks = CheckSpecDto.of(release.checks());
    spec.testers = release.testers() == null ? null : release.testers().describe();
    return spec;
  }

  static CanaryReleaseStatusDto toStatus(ReleaseStatus s) {
    CanaryReleaseStatusDto dto = new CanaryReleaseStatusDto();
    dto.phase = s.phase().name();
    dto.stepIndex = s.stepIndex();
    dto.weight = s.weight();
    dto.stepStartedAt = format(s.stepStartedAt());
    dto.appliedWeight = s.appliedWeight();
    dto.drifted = s.drifted();
    dto.cleanupMode = s.cleanupMode() == null ? null : CLEANUP_NAMES.get(s.cleanupMode());
    dto.card = card(s.card());
    if (s.lastVerdict() != null) {
      dto.lastVerdict = new VerdictDto();
      dto.lastVerdict.kind = s.lastVerdict().kind().name();
      dto.lastVerdict.summary = s.lastVerdict().summary();
      dto.lastVerdict.at = format(s.lastVerdict().at());
      dto.lastVerdict.page = card(s.lastVerdict().page());
    }
    if (s.capacity() != null) {
      CapacityState c = s.capacity();
      dto.capacity = new CapacityDto();
      dto.capacity.replicasAtStart = c.replicasAtStart();
      dto.capacity.stableAtStart = c.stableAtStart();
      dto.capacity.autoscaler = c.autoscaler();
      dto.capacity.target = c.target();
      dto.capacity.reached = c.reached();
      dto.capacity.waitingSince = format(c.waitingSince());
      dto.capacity.returned = c.returned();
      dto.capacity.ready = c.ready();
    }
    if (s.nudge() != null) {
      Nudge n = s.nudge();
      dto.nudge = new NudgeDto();
      dto.nudge.step = format(n.step());
      dto.nudge.gatesPassSince = format(n.gatesPassSince());
      dto.nudge.remindedAt = format(n.remindedAt());
      dto.nudge.deadlineTold = n.deadlineTold();
    }
    if (!s.addedRoutes().isEmpty()) {
      dto.addedRoutes = new ArrayList<>();
      for (AddedRoute a : s.addedRoutes()) {
        AddedRouteDto route = new AddedRouteDto();
        route.name = a.name();
        route.digest = a.digest();
        route.address = a.address();
        dto.addedRoutes.add(route);
      }
    }
    dto.olderEntries = s.olderEntries();
    dto.history = new ArrayList<>();
    for (HistoryEntry e : s.history()) {
      dto.history.add(toDto(e));
    }
    return dto;
  }

  static HistoryEntryDto toDto(HistoryEntry e) {
    HistoryEntryDto dto = new HistoryEntryDto();
    dto.at = format(e.at());
    dto.actor = e.actor();
    dto.action = e.action().word();
    dto.fromPhase = e.fromPhase() == null ? null : e.fromPhase().name();
    dto.toPhase = e.toPhase() == null ? null : e.toPhase().name();
    dto.fromWeight = e.fromWeight();
    dto.toWeight = e.toWeight();
    dto.reason = e.reason();
    return dto;
  }

  private static ReleaseTarget toTarget(TargetSpec t) {
    return new ReleaseTarget(t.namespace, t.virtualService, t.route, t.host,
        t.stableSubset, t.canarySubset, t.stableWorkload, t.canaryWorkload);
  }

  private static ReleaseStatus toStatus(CanaryReleaseStatusDto dto) {
    CardRef card = card(dto.card);
    List<HistoryEntry> history = new ArrayList<>();
    if (dto.history != null) {
      for (HistoryEntryDto e : dto.history) {
        Action action = Action.of(e.action).orElseThrow(() -> new IllegalArgumentException(
            "history has an unknown action \"" + e.action + "\""));
        history.add(new HistoryEntry(parse(e.at), e.actor, action, phase(e.fromPhase),
            phase(e.toPhase), e.fromWeight, e.toWeight, e.reason));
      }
    }
    return new ReleaseStatus(Phase.valueOf(dto.phase), dto.stepIndex, dto.weight,
        parse(dto.stepStartedAt), dto.appliedWeight, dto.drifted, cleanupMode(dto.cleanupMode),
        card, history, dto.olderEntries, dto.lastVerdict == null ? null
            : new LastVerdict(verdictKind(dto.lastVerdict.kind), dto.lastVerdict.summary,
                parse(dto.lastVerdict.at), card(dto.lastVerdict.page)),
        dto.capacity == null ? null : new CapacityState(dto.capacity.replicasAtStart,
            dto.capacity.stableAtStart, dto.capacity.autoscaler, dto.capacity.target,
            dto.capacity.reached, parse(dto.capacity.waitingSince), dto.capacity.returned,
            dto.capacity.ready),
        addedRoutes(dto.addedRoutes),
        dto.nudge == null ? null : new Nudge(parse(dto.nudge.step), parse(dto.nudge.gatesPassSince),
            parse(dto.nudge.remindedAt), dto.nudge.deadlineTold));
  }

  private static List<AddedRoute> addedRoutes(List<AddedRouteDto> dtos) {
    List<AddedRoute> routes = new ArrayList<>();
    if (dtos != null) {
      for (AddedRouteDto d : dtos) {
        routes.add(new AddedRoute(d.name, d.digest, d.address));
      }
    }
    return routes;
  }

  private static CardDto card(CardRef ref) {
    if (ref == null) {
      return null;
    }
    CardDto dto = new CardDto();
    dto.channel = ref.channel();
    dto.ts = ref.ts();
    return dto;
  }

  private static CardRef card(CardDto dto) {
    return dto == null ? null : new CardRef(dto.channel, dto.ts);
  }

  /** An unknown kind is unreadable, never taken for healthy. */
  private static VerdictKind verdictKind(String name) {
    return VerdictKind.of(name).orElseThrow(() -> new IllegalArgumentException(
        "status.lastVerdict.kind \"" + name + "\" is unknown; expected Healthy, Inconclusive, Watch or Breach"));
  }

  /** Stored in the CamelCase Kubernetes uses for enum values. */
  private static final java.util.Map<CleanupMode, String> CLEANUP_NAMES =
      java.util.Map.of(CleanupMode.SCALE_TO_ZERO, "ScaleToZero", CleanupMode.DELETE, "Delete");

  private static CleanupMode cleanupMode(String name) {
    if (name == null) {
      return null;
    }
    return CLEANUP_NAMES.entrySet().stream().filter(e -> e.getValue().equals(name))
        .map(java.util.Map.Entry::getKey).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown cleanupMode " + name
            + "; expected ScaleToZero or Delete"));
  }

  private static Phase phase(String name) {
    return name == null ? null : Phase.valueOf(name);
  }

  /** RFC 3339 in UTC, as Kubernetes writes its own timestamps. */
  private static String format(Instant at) {
    return at == null ? null : DateTimeFormatter.ISO_INSTANT.format(at);
  }

  /** Accepts any RFC 3339 offset, since a person may edit the object with kubectl. */
  private static Instant parse(String text) {
    return text == null ? null : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
  }
}
