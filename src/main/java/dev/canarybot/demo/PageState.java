package dev.canarybot.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.canarybot.demo.slackapi.FakeEphemeral;
import dev.canarybot.demo.slackapi.FakeMessage;
import dev.canarybot.demo.traffic.VersionLoad;
import dev.canarybot.demo.traffic.VersionProfile;
import dev.canarybot.demo.workloads.DeploymentController;
import dev.canarybot.demo.workloads.DeploymentSummary;
import java.io.IOException;
import java.util.Map;

/** What the page draws for one user: the channel, that user's ephemerals, the live split, the traffic and pod knobs. */
final class PageState {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PageState() {}

  static ObjectNode of(DemoSlack slack, DemoTraffic traffic, DemoConfig.Users users, String user, String kubernetesUrl,
      DeploymentController controller) {
    ObjectNode out = JSON.createObjectNode();
    out.put("channel", slack.channel()).put("external", slack.external()).put("kubernetes", kubernetesUrl);
    out.putObject("users").put("operator", users.operator()).put("approver", users.approver())
        .put("outsider", users.outsider());
    ArrayNode messages = out.putArray("messages");
    for (FakeMessage m : slack.api().channel(slack.channel())) {
      ObjectNode node = messages.addObject().put("ts", m.ts()).put("text", m.text()).put("edits", m.edits());
      if (m.threadTs() != null) {
        node.put("threadTs", m.threadTs());
      }
      node.set("blocks", blocks(m.blocks()));
      ArrayNode files = node.putArray("files");
      m.fileIds().forEach(id -> files.add(DemoSlack.BASE_PATH + "files/" + id));
    }
    ArrayNode ephemerals = out.putArray("ephemerals");
    for (FakeEphemeral e : slack.api().ephemerals()) {
      if (e.user().equals(user) && e.channel().equals(slack.channel())) {
        ephemerals.addObject().put("ts", e.ts()).put("text", e.text()).set("blocks", blocks(e.blocks()));
      }
    }
    ObjectNode weights = out.putObject("weights");
    traffic.weights().forEach(weights::put);
    out.set("traffic", traffic(traffic));
    out.set("pods", pods(controller));
    return out;
  }

  /** The Deployments as the demo's controller left them, and what their new pods fail with. */
  static ArrayNode pods(DeploymentController controller) {
    ArrayNode out = JSON.createArrayNode();
    if (controller == null) {
      return out;
    }
    for (DeploymentSummary d : controller.deployments()) {
      out.addObject().put("namespace", d.namespace()).put("name", d.name()).put("replicas", d.replicas())
          .put("pods", d.pods()).put("readyReplicas", d.readyReplicas()).put("fail", controller.failReason(d.namespace(), d.name()));
    }
    return out;
  }

  static ObjectNode traffic(DemoTraffic traffic) {
    ObjectNode out = JSON.createObjectNode().put("rps", traffic.rps());
    ObjectNode versions = out.putObject("versions");
    for (String v : new String[] {traffic.config().stableVersion(), traffic.config().canaryVersion()}) {
      VersionProfile p = traffic.profile(v);
      VersionLoad load = traffic.load(v);
      ObjectNode version = versions.putObject(v).put("errorRate", p.errorRate()).put("latencyMs", p.medianLatencyMs())
          .put("rps", load.rps()).put("latencyFactor", load.latencyFactor());
      load.readyPods().ifPresent(n -> version.put("readyPods", n));
    }
    ObjectNode weights = out.putObject("weights");
    for (Map.Entry<String, Integer> e : traffic.weights().entrySet()) {
      weights.put(e.getKey(), e.getValue());
    }
    return out;
  }

  private static com.fasterxml.jackson.databind.JsonNode blocks(String text) {
    if (text == null) {
      return JSON.createArrayNode();
    }
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return JSON.createArrayNode();
    }
  }
}
