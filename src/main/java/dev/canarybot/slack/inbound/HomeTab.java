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
import dev.canarybot.service.CanaryConfig;
import dev.canarybot.service.ReleaseService;
import dev.canarybot.slack.outbound.Kind;
import dev.canarybot.slack.outbound.SlackOutbox;
import dev.canarybot.slack.outbound.Where;
import dev.canarybot.slack.view.SlackText;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The App Home tab: every release the bot manages, so an on-call SRE sees what is in flight
 * without searching channels. Redrawn each time someone opens it.
 */
@ApplicationScoped
public class HomeTab {
  private final ReleaseService releases;
  private final CanaryConfig config;
  private final SlackOutbox outbox;
  private final MethodsClient methods;
  private final SlackWork work;

  public HomeTab(ReleaseService releases, CanaryConfig config, SlackOutbox outbox,
      MethodsClient methods, SlackWork work) {
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

  List<LayoutBlock> blocks() {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText("Canary releases"))));
    List<String> namespaces = config.namespaces().orElse(List.of(config.namespace()));
    for (String ns : namespaces) {
      List<CanaryRelease> list = releases.list(ns);
      blocks.add(divider());
      blocks.add(section(s -> s.text(markdownText("*Namespace* `" + ns + "`"))));
      if (list.isEmpty()) {
        blocks.add(context(c -> c.elements(List.of(markdownText("No releases. Start one with `/canary start <virtualservice>`.")))));
      }
      for (CanaryRelease r : list) {
        if (blocks.size() >= 95) {
          break; // Home tabs hold 100 blocks.
        }
        blocks.add(section(s -> s.text(markdownText(SlackText.limit("*" + r.name() + "* · " + r.phase()
            + " · " + r.target().stableSubset() + " " + (100 - r.weight()) + " % / "
            + r.target().canarySubset() + " " + r.weight() + " %"
            + (r.status().last() == null ? "" : "\n" + r.status().last().describe()), 3000)))));
      }
    }
    return blocks;
  }
}
