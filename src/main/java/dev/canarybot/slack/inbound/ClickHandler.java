package dev.canarybot.slack.inbound;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.CleanupMode;
import dev.canarybot.service.ActionResult;
import dev.canarybot.service.ReleaseService;
import dev.canarybot.slack.AccessPolicy.Need;
import dev.canarybot.slack.AccessPolicy;
import dev.canarybot.slack.Mention;
import dev.canarybot.slack.view.CardAction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The card's buttons. Acknowledged at once; then the clicking user (from the signed payload,
 * nobody else) is checked and the use case runs with the weight the card was drawn at, so a
 * click on an old card or a double click changes nothing and says why.
 */
@ApplicationScoped
public class ClickHandler {
  private static final Logger LOG = Logger.getLogger(ClickHandler.class);
  private final ReleaseService releases;
  private final AccessPolicy access;
  private final SlackWork work;
  private final Replies replies;

  public ClickHandler(ReleaseService releases, AccessPolicy access, SlackWork work, Replies replies) {
    this.releases = releases;
    this.access = access;
    this.work = work;
    this.replies = replies;
  }

  public Response handle(BlockActionRequest request, ActionContext ctx) {
    BlockActionPayload payload = request.getPayload();
    if (payload.getActions() == null || payload.getActions().isEmpty()) {
      return ctx.ack();
    }
    BlockActionPayload.Action clicked = payload.getActions().get(0);
    Optional<CardAction> action = CardAction.parse(clicked.getActionId(), clicked.getValue());
    String userId = payload.getUser().getId();
    String channelId = payload.getChannel() == null ? null : payload.getChannel().getId();
    work.run("click " + clicked.getActionId(), () -> {
      String answer;
      try {
        answer = action.map(a -> run(a, userId, channelId))
            .orElse(":warning: this button is not one canary-bot drew; nothing was changed");
      } catch (RuntimeException e) {
        LOG.errorf(e, "click %s failed", clicked.getActionId());
        answer = ":x: canary-bot could not finish that click: " + e.getMessage()
            + ". What was already stored stays; the resync carries it on. Try again.";
      }
      replies.toClick(payload.getResponseUrl(), channelId, userId, answer);
    });
    return ctx.ack();
  }

  private static String withoutFullStop(String text) {
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  String run(CardAction a, String userId, String channelId) {
    Need need = a.kind() == CardAction.Kind.PROMOTE || a.kind() == CardAction.Kind.CLEANUP_SCALE
        || a.kind() == CardAction.Kind.CLEANUP_DELETE ? Need.APPROVE : Need.OPERATE;
    Optional<String> refused = access.refusal(userId, need, channelId);
    if (refused.isPresent()) {
      return ":no_entry: " + refused.get() + "; nothing was changed";
    }
    String actor = Mention.of(userId);
    ActionResult result;
    switch (a.kind()) {
      case PROMOTE: {
        Optional<CanaryRelease> current = releases.find(a.namespace(), a.name());
        int to = current.map(CanaryRelease::nextWeight).orElse(0);
        Optional<String> fourEyes = current.filter(r -> r.weight() == a.drawnAtWeight())
            .flatMap(r -> access.secondApproverRefusal(r, userId, to));
        if (fourEyes.isPresent()) {
          return ":no_entry: " + fourEyes.get() + "; nothing was changed";
        }
        result = releases.promote(a.namespace(), a.name(), actor, 0, a.drawnAtWeight(), null, false);
        break;
      }
      case ROLLBACK:
        result = releases.rollback(a.namespace(), a.name(), actor, "rolled back from the card",
            a.drawnAtWeight());
        break;
      case PAUSE:
        result = releases.pause(a.namespace(), a.name(), actor, "paused from the card");
        break;
      case RESUME:
        result = releases.resume(a.namespace(), a.name(), actor);
        break;
      case CLEANUP_SCALE:
        result = releases.cleanup(a.namespace(), a.name(), actor, CleanupMode.SCALE_TO_ZERO, false);
        break;
      default:
        result = releases.cleanup(a.namespace(), a.name(), actor, CleanupMode.DELETE, false);
        break;
    }
    if (result instanceof ActionResult.Refused r) {
      return ":no_entry: " + withoutFullStop(r.reason()) + "; nothing was changed";
    }
    ActionResult.Done done = (ActionResult.Done) result;
    return ":white_check_mark: " + done.release().name() + ": " + done.entry().reason()
        + (done.outcome().isBlank() ? "" : ". " + done.outcome());
  }
}
