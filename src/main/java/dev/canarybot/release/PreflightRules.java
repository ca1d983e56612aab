package dev.canarybot.release;

import dev.canarybot.release.Preflight.Finding;
import dev.canarybot.release.Preflight.Level;
import dev.canarybot.release.StartFacts.Owner;
import dev.canarybot.release.StartFacts.PodMesh;
import dev.canarybot.release.StartFacts.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The checks a start passes before anything is written, as one pure function of what was read.
 * Each refusal says what is wrong, which rule it breaks, and how to make it right.
 */
public final class PreflightRules {
  /** The most pod names one finding lists; the count says how many there are. */
  private static final int NAMED_PODS = 3;

  private PreflightRules() {}

  public static Preflight decide(StartFacts f) {
    List<Finding> out = new ArrayList<>();
    out.add(canaryDeployment(f));
    out.add(mesh(f));
    out.add(routeOwner(f));
    out.add(images(f));
    out.add(metrics(f));
    return new Preflight(out);
  }

  private static Finding canaryDeployment(StartFacts f) {
    Workload c = f.canary();
    String ns = f.target().namespace();
    String name = "Deployment " + c.name() + "." + ns;
    String rollout = "`kubectl rollout status deployment/" + c.name() + " -n " + ns + "`";
    if (!c.exists()) {
      return refuse(name + " (subset " + f.target().canarySubset() + ") is not there; a canary needs "
          + "its Deployment before traffic goes to it. Create it and start again");
    }
    if (f.workloadMismatch() != null) {
      return refuse(f.workloadMismatch() + "; the canary's pods must carry the subset's labels, or "
          + "traffic goes to pods the bot does not scale or retire. Fix the pod template's labels, or "
          + "name the right subset with --canary <subset>");
    }
    if (c.paused()) {
      return refuse(name + " is paused (spec.paused) in the middle of a rollout of its own; a canary "
          + "starts on a Deployment that has finished rolling out. Resume it with `kubectl rollout resume "
          + "deployment/" + c.name() + " -n " + ns + "`, wait for " + rollout + ", and start again");
    }
    if (c.generation() != null && (c.observedGeneration() == null || c.observedGeneration() < c.generation())) {
      return refuse(name + " has a rollout of its own under way: its controller has not yet acted on "
          + "generation " + c.generation() + " (observed "
          + (c.observedGeneration() == null ? "none" : c.observedGeneration()) + "); a canary starts on a "
          + "Deployment that has finished rolling out. Wait for " + rollout + " and start again");
    }
    if (c.updatedReplicas() < c.replicas()) {
      return refuse(name + " has a rollout of its own under way: " + c.updatedReplicas() + " of "
          + c.replicas() + " replicas run its latest template; a canary starts on a Deployment that has "
          + "finished rolling out. Wait for " + rollout + " and start again");
    }
    return ok(name + " runs subset " + f.target().canarySubset() + " and has finished rolling out");
  }

  private static Finding mesh(StartFacts f) {
    List<String> unmeshed = new ArrayList<>();
    List<String> unseen = new ArrayList<>();
    int total = 0;
    for (Workload w : List.of(f.stable(), f.canary())) {
      if (!w.exists()) {
        continue;
      }
      List<String> without = w.pods().stream().filter(p -> !p.sidecar() && !p.ambient()).map(PodMesh::name).toList();
      if (!without.isEmpty()) {
        unmeshed.add(w.name() + " (" + without.size() + " of " + w.pods().size() + " pods: "
            + String.join(", ", without.subList(0, Math.min(NAMED_PODS, without.size())))
            + (without.size() > NAMED_PODS ? ", …" : "") + ")");
      }
      if (w.pods().isEmpty()) {
        unseen.add(w.name());
      }
      total += w.pods().size();
    }
    String ns = f.target().namespace();
    if (!unmeshed.isEmpty()) {
      return refuse("pods without an istio-proxy sidecar: " + String.join("; ", unmeshed) + ". The split "
          + "and the metrics work only on pods in the mesh. Enable injection with `kubectl label namespace "
          + ns + " istio-injection=enabled` (or istio.io/rev=<revision>, or ambient mode: "
          + "istio.io/dataplane-mode=ambient), then `kubectl rollout restart deployment/<name> -n " + ns
          + "` for each Deployment named, and start again");
    }
    if (!unseen.isEmpty()) {
      return warn("no pods of " + String.join(" and ", unseen) + " to check for the mesh's istio-proxy "
          + "sidecar; pods that come without one get none of the canary's traffic split or metrics");
    }
    return ok("all " + total + " pods of " + f.stable().name() + " and " + f.canary().name()
        + " are in the mesh");
  }

  private static Finding routeOwner(StartFacts f) {
    List<String> evidence = new ArrayList<>();
    String controller = null;
    for (Owner o : f.route().owners()) {
      String who = controllerOf(o);
      if (who != null) {
        controller = controller == null ? who : controller;
        evidence.add("owner reference " + o.kind() + " " + o.name() + " (" + o.apiVersion() + ")");
      }
    }
    for (Map.Entry<String, String> a : new java.util.TreeMap<>(f.route().annotations()).entrySet()) {
      String who = controllerOfAnnotation(a.getKey());
      if (who != null) {
        controller = controller == null ? who : controller;
        evidence.add("annotation " + a.getKey() + "=" + a.getValue());
      }
    }
    String vs = "VirtualService " + f.target().virtualService() + "." + f.target().namespace();
    if (controller != null) {
      return refuse(vs + " is managed by " + controller + " (" + String.join(", ", evidence) + "); one "
          + "controller per route, or the two overwrite each other's weights. Release it with "
          + controller + ", or take the route out of " + controller + "'s hands first and start again");
    }
    return ok(vs + " is not managed by Flagger or Argo Rollouts");
  }

  private static String controllerOf(Owner o) {
    String group = o.apiVersion() == null ? "" : o.apiVersion().split("/", 2)[0];
    if (group.equals("flagger.app")) {
      return "Flagger";
    }
    if (group.equals("argoproj.io") && "Rollout".equals(o.kind())) {
      return "Argo Rollouts";
    }
    return null;
  }

  private static String controllerOfAnnotation(String key) {
    if (key.startsWith("flagger.app/") || key.startsWith("flagger.kubernetes.io/")) {
      return "Flagger";
    }
    if (key.startsWith("argo-rollouts.argoproj.io/") || key.startsWith("rollouts.argoproj.io/")) {
      return "Argo Rollouts";
    }
    return null;
  }

  private static Finding images(StartFacts f) {
    TreeSet<String> stable = new TreeSet<>(f.stable().images());
    TreeSet<String> canary = new TreeSet<>(f.canary().images());
    if (!stable.isEmpty() && stable.equals(canary)) {
      return warn(f.canary().name() + " runs the same image as " + f.stable().name() + " ("
          + String.join(", ", canary) + "): the release would compare a version with itself");
    }
    return ok(f.canary().name() + " runs " + (canary.isEmpty() ? "no image" : String.join(", ", canary))
        + ", " + f.stable().name() + " runs " + (stable.isEmpty() ? "no image" : String.join(", ", stable)));
  }

  private static Finding metrics(StartFacts f) {
    StartFacts.Sample s = f.stableSample();
    String subset = "subset " + f.target().stableSubset();
    return switch (s.state()) {
      case SEEN -> ok("the metrics pipeline sees " + subset + " (" + s.detail() + ")");
      case NONE -> warn("the metrics pipeline has no recent sample of " + subset + " (" + s.detail()
          + "): the analysis will report no data");
      case UNAVAILABLE -> warn("the metrics pipeline could not be asked about " + subset + " (" + s.detail()
          + "): the analysis will report no data");
    };
  }

  private static Finding ok(String text) {
    return new Finding(Level.OK, text);
  }

  private static Finding warn(String text) {
    return new Finding(Level.WARN, text);
  }

  private static Finding refuse(String text) {
    return new Finding(Level.REFUSE, text);
  }
}
