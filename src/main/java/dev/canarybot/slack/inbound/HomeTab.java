package dev.canarybot.slack.inbound;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.Freeze;
import dev.canarybot.service.CanaryConfig;
import dev.canarybot.service.Policies;
import dev.canarybot.service.ReleaseService;
import dev.canarybot.slack.outbound.Kind;
import dev.canarybot.slack.outbound.SlackOutbox;
import dev.canarybot.slack.outbound.Where;
import dev.canarybot.slack.view.SlackText;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The App Home tab: every release the bot manages, so an on-call SRE sees what is in flight
 * without searching channels. Redrawn each time someone opens it.
 */
@ApplicationScoped
public class HomeTab {
  private static final Logger LOG = Logger.getLogger(HomeTab.class);
  private final ReleaseService releases;
  private final CanaryConfig config;
  private final SlackOutbox outbox;
  private final MethodsClient methods;
  private final SlackWork work;
  private final Policies policies;

  public HomeTab(ReleaseService releases, CanaryConfig config, SlackOutbox outbox,
      MethodsClient methods, SlackWork work, Policies policies) {
    this.policies = policies;
    this.releases = releases;
    this.config = config;
    this.outbox = outbox;
    this.methods = methods;
    this.work = work;
  }

  public Response opened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
    String user = payload.getEvent().getUser();
    if ("home".equals(payload.getEvent().getTab())) {
      work.run("home tab", () -> {
        View view = View.builder().type("home").blocks(blocks()).build();
        outbox.submit(Kind.VIEW, "views.publish", Where.home(user),
            () -> methods.viewsPublish(v -> v.userId(user).view(view)));
      });
    }
    return ctx.ack();
  }

  /** Home tabs hold 100 blocks; the last ones are kept for saying what did not fit. */
  static final int MOST_BLOCKS = 100;

  /** One block for every freeze in force, so the tab stays within its 100 blocks. */
  private LayoutBlock freezes() {
    String text;
    try {
      List<Freeze> active = policies.freezes().active();
      text = active.isEmpty() ? "Not frozen: releases may start and be promoted."
          : String.join("\n", active.stream().map(f -> ":ice_cube: " + SlackText.safe(f.refusal())).toList());
    } catch (RuntimeException e) {
      LOG.warnf("home tab: freezes unreadable: %s", e.getMessage());
      text = ":warning: Whether releases are frozen cannot be read; see the bot's log.";
    }
    String shown = SlackText.limit(text, 3000);
    return section(s -> s.blockId("canary_freezes").text(markdownText(shown)));
  }

  List<LayoutBlock> blocks() {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText("Canary releases"))));
    blocks.add(freezes());
    List<String> namespaces = config.namespaces().orElse(List.of(config.namespace()));
    int notShown = 0;
    for (String ns : namespaces) {
      List<CanaryRelease> list;
      try {
        list = releases.list(ns);
      } catch (RuntimeException e) {
        // One namespace that cannot be read must not blank the whole tab.
        LOG.warnf("home tab: releases in %s unreadable: %s", ns, e.getMessage());
        list = null;
      }
      if (blocks.size() + 3 > MOST_BLOCKS - 1) {
        notShown += list == null ? 0 : list.size();
        continue;
      }
      blocks.add(divider());
      blocks.add(section(s -> s.text(markdownText("*Namespace* `" + ns + "`"))));
      if (list == null) {
        blocks.add(context(c -> c.elements(List.of(markdownText("Could not read the releases here; see the bot's log.")))));
      } else if (list.isEmpty()) {
        blocks.add(context(c -> c.elements(List.of(markdownText("No releases. Start one with `/canary start <virtualservice>`.")))));
      }
      for (CanaryRelease r : list == null ? List.<CanaryRelease>of() : list) {
        if (blocks.size() >= MOST_BLOCKS - 1) {
          notShown++;
          continue;
        }
        blocks.add(section(s -> s.text(markdownText(SlackText.limit("*" + r.name() + "* · " + r.phase()
            + " · " + r.target().stableSubset() + " " + (100 - r.weight()) + " % / "
            + r.target().canarySubset() + " " + r.weight() + " %"
            + (r.status().last() == null ? "" : "\n" + SlackText.safe(r.status().last().describe())), 3000)))));
      }
    }
    if (notShown > 0) {
      int n = notShown;
      blocks.add(context(c -> c.elements(List.of(markdownText("…and " + n + " more releases; `/canary list -n <namespace>` lists them all.")))));
    }
    return blocks;
  }
}
