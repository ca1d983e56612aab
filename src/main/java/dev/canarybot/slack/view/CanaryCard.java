package dev.canarybot.slack.view;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.BlockElements;
import dev.canarybot.release.Action;
import dev.canarybot.release.AddedRoute;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CapacityState;
import dev.canarybot.release.Freeze;
import dev.canarybot.release.HistoryEntry;
import dev.canarybot.release.ObservationPolicy;
import dev.canarybot.release.Phase;
import dev.canarybot.release.ReleaseTarget;
import dev.canarybot.release.TimeText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The card of a release: one message, updated in place after every transition. Pure: the
 * same release, time and analysis line always draw the same card.
 */
public final class CanaryCard {

  /** Blocks plus the plain-text fallback Slack shows in notifications. */
  public record Drawn(String text, List<LayoutBlock> blocks) {}

  private CanaryCard() {}

  /**
   * @param analysis the latest verdict in one mrkdwn line, or null before any analysis ran
   */
  public static Drawn draw(CanaryRelease r, Instant now, ObservationPolicy observation, String analysis) {
    return draw(r, now, observation, analysis, true);
  }

  /**
   * @param deleteAllowed the bot may delete the old Deployment: otherwise no Delete button is
   *     drawn, because its click could only fail
   */
  public static Drawn draw(CanaryRelease r, Instant now, ObservationPolicy observation, String analysis,
      boolean deleteAllowed) {
    return draw(r, now, observation, analysis, deleteAllowed, null);
  }

  /**
   * @param freeze the freeze over the release's namespace, drawn as a banner under the header,
   *     or {@code null}
   */
  public static Drawn draw(CanaryRelease r, Instant now, ObservationPolicy observation, String analysis,
      boolean deleteAllowed, Freeze freeze) {
    return draw(r, now, observation, analysis, deleteAllowed, freeze, List.of());
  }

  /**
   * @param links the dashboard links, rendered for this release, drawn as link buttons in a row
   *     of their own under the card's actions
   */
  public static Drawn draw(CanaryRelease r, Instant now, ObservationPolicy observation, String analysis,
      boolean deleteAllowed, Freeze freeze, List<DashboardLinks.Link> links) {
    ReleaseTarget t = r.target();
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText(SlackText.limit("Canary " + r.name() + " · " + r.phase(), 150)))));
    if (freeze != null) {
      // The reason is a person's text: escaped, and cut to a context element's 3000.
      blocks.add(context(c -> c.blockId("canary_freeze").elements(List.of(markdownText(
          SlackText.limit(":ice_cube: *Frozen* — " + SlackText.safe(freeze.refusal()), 3000))))));
    }
    // Names come from the cluster and a pause reason from a person: neither is bounded, so each
    // field is cut to Block Kit's 2000 (keeping its weight) and the timing line to any text's 3000.
    // While the canary is scaled for its next weight the route still carries the last one: the
    // card shows what users get, and what comes once the replicas are ready.
    CapacityState capacity = r.status().capacity();
    boolean scaling = capacity != null && capacity.waiting() && r.phase() == Phase.Progressing
        && r.status().appliedWeight() < r.weight();
    int routed = scaling ? r.status().appliedWeight() : r.weight();
    blocks.add(section(s -> s.fields(List.of(
        field("*Service*\n" + shortHost(t.host()) + " in `" + t.namespace() + "`", ""),
        field("*Route*\n" + t.virtualService() + (t.route() == null ? "" : " / " + t.route()), ""),
        field("*Stable* " + t.stableSubset() + " (" + t.stableWorkload() + ")",
            "\n*" + (100 - routed) + " %*"),
        field("*Canary* " + t.canarySubset() + " (" + t.canaryWorkload() + ")",
            "\n*" + routed + " %*" + (scaling ? " → " + r.weight() + " % once scaled" : ""))))));
    if (scaling) {
      // Names come from the cluster: escaped like any untrusted text.
      blocks.add(context(c -> c.blockId("canary_capacity").elements(List.of(markdownText(SlackText.limit(
          ":hourglass_flowing_sand: " + SlackText.safe(CapacityState.waitLine(t.canaryWorkload(),
              capacity.target(), capacity.ready())) + "; the route moves to " + r.weight()
              + " % once they are", 3000))))));
    }
    blocks.add(section(s -> s.text(markdownText("*Plan* " + plan(r)))));
    String testers = testers(r);
    if (testers != null) {
      blocks.add(context(c -> c.blockId("canary_testers").elements(List.of(markdownText(testers)))));
    }
    String timing = SlackText.limit(timing(r, now, observation), 3000);
    blocks.add(context(c -> c.elements(List.of(markdownText(timing)))));
    blocks.add(section(s -> s.text(markdownText(SlackText.limit("*Analysis* "
        + (analysis == null ? "waiting for data" : analysis), 3000)))));
    List<BlockElement> buttons = buttons(r, deleteAllowed);
    if (!buttons.isEmpty()) {
      blocks.add(actions(a -> a.blockId("canary_actions").elements(buttons)));
    }
    if (!links.isEmpty()) {
      blocks.add(actions(a -> a.blockId("canary_links").elements(links(links))));
    }
    HistoryEntry last = r.status().last();
    if (last != null) {
      blocks.add(context(c -> c.elements(List.of(markdownText(SlackText.limit("Last: "
          + SlackText.safe(last.describe() + " — " + last.reason()), 3000))))));
    }
    return new Drawn(fallback(r), blocks);
  }

  /**
   * The line testers use, once the bot's route is on the VirtualService; {@code null} without
   * testers. The address comes from the cluster: escaped, and without backticks that would end
   * the code span.
   */
  static String testers(CanaryRelease r) {
    if (r.testers() == null) {
      return null;
    }
    AddedRoute route = r.status().addedRoute(r.testersRoute());
    String head = ":test_tube: *Testers* (" + SlackText.escape(r.testers().describe()) + ") reach "
        + r.target().canarySubset() + " at any weight";
    if (route == null) {
      return SlackText.limit(head + " once the route " + r.testersRoute() + " is on the VirtualService", 3000);
    }
    String address = route.address() == null ? shortHost(r.target().host()) + "/" : route.address();
    return SlackText.limit(head + ": `curl " + SlackText.escape(r.testers().curlHeader() + " http://"
        + address).replace('`', '\'') + "`", 3000);
  }

  /** "Canary api-vs: v1 90 % / v2 10 % (Progressing)". */
  public static String fallback(CanaryRelease r) {
    return "Canary " + r.describe();
  }

  /** "✓ 10 % → ▶ *50 %* → 100 %": done, current and coming steps. */
  static String plan(CanaryRelease r) {
    List<String> parts = new ArrayList<>();
    List<Integer> steps = r.plan().steps();
    for (int i = 0; i < steps.size(); i++) {
      int index = r.status().stepIndex();
      boolean live = r.phase() != Phase.RolledBack;
      if (i < index || (i == index && !live)) {
        parts.add("✓ " + steps.get(i) + " %");
      } else if (i == index) {
        parts.add("▶ *" + steps.get(i) + " %*");
      } else {
        parts.add(steps.get(i) + " %");
      }
    }
    String plan = String.join(" → ", parts);
    return r.phase() == Phase.RolledBack ? plan + " · *rolled back to 0 %*" : plan;
  }

  static String timing(CanaryRelease r, Instant now, ObservationPolicy observation) {
    Duration at = r.timeAtStep(now);
    switch (r.phase()) {
      case Progressing: {
        Duration needed = observation.required(r);
        return "At " + r.weight() + " % for " + TimeText.duration(at) + " of the required "
            + TimeText.duration(needed) + (at.compareTo(needed) >= 0 ? " ✓" : "");
      }
      case Promoted:
      case Completed: {
        Duration wait = r.plan().cleanupAfter();
        return "At 100 % for " + TimeText.duration(at) + (at.compareTo(wait) >= 0
            ? "; cleanup of " + r.target().stableWorkload() + " is open"
            : "; cleanup opens after " + TimeText.duration(wait) + " (in "
                + TimeText.duration(wait.minus(at)) + ")");
      }
      case Paused: {
        HistoryEntry pause = r.status().lastOf(Action.PAUSE, Action.DRIFT);
        return "Paused" + (pause == null ? "" : " by " + pause.actor() + " at "
            + TimeText.clock(pause.at()) + ": " + SlackText.safe(pause.reason()));
      }
      default:
        return r.phase() + " at " + TimeText.clock(r.status().last().at());
    }
  }

  static List<BlockElement> buttons(CanaryRelease r, boolean deleteAllowed) {
    List<BlockElement> buttons = new ArrayList<>();
    ReleaseTarget t = r.target();
    switch (r.phase()) {
      case Progressing: {
        buttons.add(promote(r));
        buttons.add(rollback(r));
        buttons.add(button(r, CardAction.Kind.PAUSE, "Pause", null, null, null, null));
        break;
      }
      case Paused:
        buttons.add(button(r, CardAction.Kind.RESUME, "Resume", "primary", null, null, null));
        buttons.add(rollback(r));
        break;
      case Promoted:
      case Completed:
        buttons.add(button(r, CardAction.Kind.CLEANUP_SCALE, "Clean up " + t.stableSubset(), "primary",
            "Clean up " + t.stableSubset() + "?", "Scale Deployment " + t.stableWorkload()
                + " to 0 replicas. Its route entry stays at weight 0.", "Scale to 0"));
        if (deleteAllowed) {
          buttons.add(button(r, CardAction.Kind.CLEANUP_DELETE, "Delete " + t.stableSubset(), "danger",
              "Delete " + t.stableWorkload() + "?", "Delete Deployment " + t.stableWorkload()
                  + " and drop subset " + t.stableSubset() + " from the route. This cannot be undone.",
              "Delete"));
        }
        buttons.add(rollback(r));
        if (r.phase() == Phase.Promoted) {
          buttons.add(button(r, CardAction.Kind.PAUSE, "Pause", null, null, null, null));
        }
        break;
      case Failed:
        buttons.add(rollback(r));
        break;
      default:
        break;
    }
    return buttons;
  }

  /** The Promote button of a progressing release, also carried by reminders. */
  public static BlockElement promote(CanaryRelease r) {
    int next = r.nextWeight();
    return button(r, CardAction.Kind.PROMOTE, "Promote to " + next + " %", "primary",
        "Promote " + r.name() + "?", "Send " + next + " % of traffic to " + r.target().canarySubset()
            + " (now " + r.weight() + " %).", "Promote");
  }

  /**
   * Link buttons: Slack opens the URL and still sends the click, which the bot acknowledges and
   * ignores. At most 25, one actions block's limit; {@link DashboardLinks} refuses more at start.
   */
  static List<BlockElement> links(List<DashboardLinks.Link> links) {
    return links.stream().limit(DashboardLinks.MAX_LINKS).<BlockElement>map(l -> BlockElements.button(b -> b
        .actionId(l.actionId()).text(plainText(SlackText.limit(l.name(), 75))).url(l.url()))).toList();
  }

  /** The Rollback button, also carried by alerts when the bot did not roll back itself. */
  public static BlockElement rollback(CanaryRelease r) {
    ReleaseTarget t = r.target();
    return button(r, CardAction.Kind.ROLLBACK, "Rollback", "danger", "Roll back " + r.name() + "?",
        "Send all traffic back to " + t.stableSubset() + " (" + t.stableWorkload() + ") at once.",
        "Roll back");
  }

  private static BlockElement button(CanaryRelease r, CardAction.Kind kind, String label,
      String style, String confirmTitle, String confirmText, String confirmLabel) {
    CardAction action = new CardAction(kind, r.namespace(), r.name(), r.weight());
    return BlockElements.button(b -> {
      b.actionId(kind.actionId()).value(action.value()).text(plainText(SlackText.limit(label, 75)));
      if (style != null) {
        b.style(style);
      }
      if (confirmTitle != null) {
        b.confirm(confirmationDialog(d -> d.title(plainText(SlackText.limit(confirmTitle, 100)))
            .text(plainText(SlackText.limit(confirmText, 300)))
            .confirm(plainText(SlackText.limit(confirmLabel, 30)))
            .deny(plainText("Cancel"))
            .style("danger".equals(style) ? "danger" : "primary")));
      }
      return b;
    });
  }

  /** A section field: {@code head} cut so that head and the short {@code tail} fit 2000. */
  private static TextObject field(String head, String tail) {
    return markdownText(SlackText.limit(head, 2000 - tail.length()) + tail);
  }

  /** "api-service.default.svc.cluster.local" -> "api-service". */
  static String shortHost(String host) {
    int dot = host.indexOf('.');
    return dot < 0 ? host : host.substring(0, dot);
  }

}
