package dev.canarybot.demo.workloads;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.Watchable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The demo cluster's deployment controller, ReplicaSet controller, kubelet and a bounds-only HPA,
 * for an API server that has none (fabric8's CRUD mock): when a Deployment's {@code spec.replicas}
 * changes, by update, patch or {@code /scale}, pods are created or deleted, pending pods become
 * ready {@code readyDelay} later (or fail, see {@link #failNewPods}), and the Deployment's
 * {@code status} counts follow with {@code observedGeneration} set to the generation acted on.
 *
 * <p>Watches on Deployments, pods and HPAs only wake it; every pass lists afresh and decides with
 * {@link ReplicaDecision}, so a missed event costs nothing but the wait for the next resync. One
 * thread does all the work; one Deployment's failure never stops the others.
 */
public final class DeploymentController implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(DeploymentController.class);
  private static final Duration RESYNC = Duration.ofSeconds(10);
  private static final Pattern REASON = Pattern.compile("[A-Z][A-Za-z]{2,62}");

  private final KubernetesClient client;
  private final Clock clock;
  private final Duration readyDelay;
  private final PodNames names = new PodNames(new Random(1));
  private final ScheduledExecutorService worker;
  private final AtomicBoolean queued = new AtomicBoolean();
  private final Map<String, String> failing = new ConcurrentHashMap<>();
  /** When each pending pod's containers finish starting; kept here, as a kubelet keeps it. */
  private final Map<String, Instant> due = new ConcurrentHashMap<>();
  private final List<Watch> watches = new CopyOnWriteArrayList<>();
  private volatile boolean paused;
  private volatile boolean closed;
  private volatile List<DeploymentSummary> summaries = List.of();

  private DeploymentController(KubernetesClient client, Clock clock, Duration readyDelay) {
    if (readyDelay.isNegative()) {
      throw new IllegalArgumentException("the pod ready delay must not be negative: " + readyDelay);
    }
    this.client = client;
    this.clock = clock;
    this.readyDelay = readyDelay;
    this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "demo-deployments");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Starts watching and runs the first pass before returning, so every Deployment has its pods
   * and status counts by then. {@code client} stays the caller's to close, after this.
   */
  public static DeploymentController start(KubernetesClient client, Clock clock, Duration readyDelay) {
    DeploymentController c = new DeploymentController(client, clock, readyDelay);
    c.watch(client.apps().deployments().inAnyNamespace());
    c.watch(client.pods().inAnyNamespace());
    c.watch(client.autoscaling().v2().horizontalPodAutoscalers().inAnyNamespace());
    c.watch(client.autoscaling().v1().horizontalPodAutoscalers().inAnyNamespace());
    try {
      c.worker.submit(c::pass).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      LOG.warnf("demo deployments: first pass failed: %s", e.getCause().getMessage());
    }
    c.worker.scheduleWithFixedDelay(c::kick, RESYNC.toMillis(), RESYNC.toMillis(), TimeUnit.MILLISECONDS);
    return c;
  }

  /**
   * New pods of {@code deployment} fail with {@code reason} (a container waiting reason such as
   * {@code ImagePullBackOff}) instead of becoming ready, and so do its pending ones; null clears
   * it, and the failing pods then become ready at once, as at the kubelet's next retry.
   */
  public void failNewPods(String namespace, String deployment, String reason) {
    if (reason != null && !REASON.matcher(reason).matches()) {
      throw new IllegalArgumentException("fail must be a container waiting reason such as ImagePullBackOff or "
          + "CrashLoopBackOff (3 to 63 letters, starting with a capital), or null to clear it");
    }
    if (reason == null) {
      failing.remove(namespace + "/" + deployment);
    } else {
      failing.put(namespace + "/" + deployment, reason);
    }
    kick();
  }

  /** What {@code deployment}'s new pods fail with, or null. */
  public String failReason(String namespace, String deployment) {
    return failing.get(namespace + "/" + deployment);
  }

  /** Pods stay as they are until {@link #resumeReadiness}: pending ones do not become ready or fail. */
  public void pauseReadiness() {
    paused = true;
  }

  /** Pods that fell due while paused move at once. */
  public void resumeReadiness() {
    paused = false;
    kick();
  }

  /** Every Deployment as the last pass left it. */
  public List<DeploymentSummary> deployments() {
    return summaries;
  }

  @Override
  public void close() {
    closed = true;
    watches.forEach(Watch::close);
    worker.shutdownNow();
  }

  /** Asks for a pass; requests that arrive while one is queued share it. */
  private void kick() {
    if (!closed && queued.compareAndSet(false, true)) {
      try {
        worker.execute(this::pass);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        queued.set(false); // closing
      }
    }
  }

  private <T> void watch(Watchable<T> what) {
    watches.add(what.watch(new Watcher<T>() {
      @Override
      public void eventReceived(Action action, T resource) {
        kick();
      }

      @Override
      public void onClose(WatcherException cause) {
        if (!closed) {
          LOG.debugf("demo deployments: a watch closed (%s); watching again", cause.getMessage());
          worker.schedule(() -> watch(what), 1, TimeUnit.SECONDS);
        }
      }
    }));
  }

  private void pass() {
    queued.set(false);
    try {
      Instant wake = reconcileAll(clock.instant());
      if (wake != null) {
        long millis = Math.max(1, Duration.between(clock.instant(), wake).toMillis());
        worker.schedule(this::kick, millis, TimeUnit.MILLISECONDS);
      }
    } catch (RuntimeException e) {
      // The API may be briefly away; the resync tries again.
      LOG.debugf("demo deployments: pass failed: %s", e.getMessage());
    }
  }

  private Instant reconcileAll(Instant now) {
    List<Deployment> deployments = client.apps().deployments().inAnyNamespace().list().getItems();
    List<Pod> pods = client.pods().inAnyNamespace().list().getItems();
    List<Autoscalers.Bounds> bounds = Autoscalers.read(client);
    collectOrphans(deployments, pods);
    Instant wake = null;
    List<DeploymentSummary> seen = new ArrayList<>();
    for (Deployment d : deployments) {
      try {
        d = autoscale(d, bounds);
        List<Pod> own = owned(d, pods);
        Reconciliation r = apply(d, own, now);
        if (r.wakeAt().isPresent() && (wake == null || r.wakeAt().get().isBefore(wake))) {
          wake = r.wakeAt().get();
        }
        seen.add(new DeploymentSummary(d.getMetadata().getNamespace(), d.getMetadata().getName(), replicas(d),
            r.status().replicas(), r.status().readyReplicas()));
      } catch (KubernetesClientException e) {
        // A lost compare-and-swap or a vanished object: the event it caused brings the next pass.
        LOG.debugf("demo deployments: %s.%s: %s", d.getMetadata().getName(), d.getMetadata().getNamespace(),
            e.getMessage());
      }
    }
    summaries = List.copyOf(seen);
    return wake;
  }

  /** Keeps replicas within the bounds of an HPA that targets this Deployment; a lost race is retried next pass. */
  private Deployment autoscale(Deployment d, List<Autoscalers.Bounds> bounds) {
    for (Autoscalers.Bounds b : bounds) {
      if (b.targets(d)) {
        var target = AutoscalerBounds.target(replicas(d), b.minReplicas(), b.maxReplicas());
        if (target.isPresent()) {
          Deployment scaled = client.getKubernetesSerialization().clone(d);
          scaled.getSpec().setReplicas(target.getAsInt());
          // Carries the resourceVersion listed: a compare-and-swap, as the HPA's own write to /scale is.
          return client.resource(scaled).update();
        }
        return d;
      }
    }
    return d;
  }

  private Reconciliation apply(Deployment d, List<Pod> own, Instant now) {
    String ns = d.getMetadata().getNamespace();
    String hash = PodNames.templateHash(d.getSpec().getTemplate());
    List<PodView> views = new ArrayList<>();
    for (Pod p : own) {
      PodState state = SimulatedPods.state(p);
      Instant dueAt = state == PodState.PENDING ? due.computeIfAbsent(key(p), k -> now.plus(readyDelay)) : null;
      views.add(new PodView(p.getMetadata().getName(), created(p), state, SimulatedPods.waitingReason(p),
          p.getMetadata().getLabels() == null ? null : p.getMetadata().getLabels().get(SimulatedPods.TEMPLATE_HASH),
          dueAt));
    }
    DeploymentView view = new DeploymentView(ns, d.getMetadata().getName(),
        d.getMetadata().getGeneration() == null ? 1 : d.getMetadata().getGeneration(), replicas(d), hash, counts(d));
    Reconciliation r = ReplicaDecision.decide(view, views, failReason(ns, d.getMetadata().getName()), paused,
        readyDelay, now);

    for (String name : r.delete()) {
      client.pods().inNamespace(ns).withName(name).delete();
      due.remove(ns + "/" + name);
    }
    Set<String> taken = new HashSet<>(own.stream().map(p -> p.getMetadata().getName()).toList());
    for (int i = 0; i < r.create(); i++) {
      String name = names.next(d.getMetadata().getName(), hash, taken);
      taken.add(name);
      due.put(ns + "/" + name, now.plus(readyDelay));
      client.pods().inNamespace(ns).resource(SimulatedPods.pending(d, name, hash, now)).create();
    }
    for (Pod p : own) {
      String name = p.getMetadata().getName();
      if (r.ready().contains(name)) {
        client.pods().inNamespace(ns).resource(SimulatedPods.ready(p, now)).updateStatus();
        due.remove(key(p));
      } else if (r.fail().contains(name)) {
        client.pods().inNamespace(ns).resource(SimulatedPods.failing(p, r.failReason(), now)).updateStatus();
        client.v1().events().inNamespace(ns).resource(KubeletEvents.waiting(p, r.failReason(), now)).create();
        due.remove(key(p));
      }
    }
    if (r.writeStatus()) {
      ReplicaStatus s = r.status();
      DeploymentStatus status = new DeploymentStatusBuilder(d.getStatus() == null ? new DeploymentStatus() : d.getStatus())
          .withObservedGeneration(s.observedGeneration()).withReplicas(s.replicas())
          .withUpdatedReplicas(s.updatedReplicas()).withReadyReplicas(s.readyReplicas())
          .withAvailableReplicas(s.availableReplicas()).withUnavailableReplicas(s.unavailableReplicas())
          .build();
      Deployment withStatus = client.getKubernetesSerialization().clone(d);
      withStatus.setStatus(status);
      client.apps().deployments().inNamespace(ns).resource(withStatus).updateStatus();
    }
    return r;
  }

  /** Pods the Deployment's selector picks that no other Deployment controls, as a ReplicaSet adopts them. */
  private static List<Pod> owned(Deployment d, List<Pod> pods) {
    Map<String, String> selector = d.getSpec().getSelector() == null ? null : d.getSpec().getSelector().getMatchLabels();
    if (selector == null || selector.isEmpty()) {
      return List.of();
    }
    List<Pod> out = new ArrayList<>();
    for (Pod p : pods) {
      Map<String, String> labels = p.getMetadata().getLabels();
      OwnerReference owner = controller(p);
      if (d.getMetadata().getNamespace().equals(p.getMetadata().getNamespace()) && labels != null
          && labels.entrySet().containsAll(selector.entrySet()) && p.getMetadata().getDeletionTimestamp() == null
          && (owner == null || d.getMetadata().getUid().equals(owner.getUid()))) {
        out.add(p);
      }
    }
    return out;
  }

  /** Pods controlled by a Deployment that is gone are deleted, as the garbage collector does. */
  private void collectOrphans(List<Deployment> deployments, List<Pod> pods) {
    Set<String> uids = new HashSet<>();
    deployments.forEach(d -> uids.add(d.getMetadata().getUid()));
    for (Pod p : pods) {
      OwnerReference owner = controller(p);
      if (owner != null && "Deployment".equals(owner.getKind()) && !uids.contains(owner.getUid())) {
        client.pods().inNamespace(p.getMetadata().getNamespace()).withName(p.getMetadata().getName()).delete();
        due.remove(key(p));
      }
    }
  }

  private static OwnerReference controller(Pod p) {
    List<OwnerReference> owners = p.getMetadata().getOwnerReferences();
    return owners == null ? null
        : owners.stream().filter(o -> Boolean.TRUE.equals(o.getController())).findFirst().orElse(null);
  }

  private static ReplicaStatus counts(Deployment d) {
    DeploymentStatus s = d.getStatus();
    if (s == null || s.getObservedGeneration() == null) {
      return null;
    }
    return new ReplicaStatus(s.getObservedGeneration(), zero(s.getReplicas()), zero(s.getUpdatedReplicas()),
        zero(s.getReadyReplicas()), zero(s.getAvailableReplicas()), zero(s.getUnavailableReplicas()));
  }

  static int replicas(Deployment d) {
    return d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
  }

  private static int zero(Integer n) {
    return n == null ? 0 : n;
  }

  private static Instant created(Pod p) {
    String t = p.getMetadata().getCreationTimestamp();
    return t == null ? Instant.EPOCH : Instant.parse(t);
  }

  private static String key(Pod p) {
    return p.getMetadata().getNamespace() + "/" + p.getMetadata().getName();
  }
}
