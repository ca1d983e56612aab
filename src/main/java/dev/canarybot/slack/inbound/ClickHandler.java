package dev.canarybot.slack.inbound;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.canarybot.release.CleanupMode;
import dev.canarybot.slack.view.CardAction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The card's buttons. Acknowledged at once; then the clicking user (from the signed payload,
 * nobody else) is checked and the use case runs with the weight the card was drawn at, so a
 * click on an old card or a double click changes nothing and says why.
 */
@ApplicationScoped
public class ClickHandler {
  private final ReleaseActions actions;
  private final SlackWork work;
  private final Replies replies;

  public ClickHandler(ReleaseActions actions, SlackWork work, Replies replies) {
    this.actions = actions;
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
        answer = UnexpectedFailure.answer("that click", e);
      }
      replies.toClick(payload.getResponseUrl(), channelId, userId, answer);
    });
    return ctx.ack();
  }

  String run(CardAction a, String userId, String channelId) {
    ReleaseActions.Ask ask = ReleaseActions.Ask.of(act(a.kind()), a.namespace(), a.name(), userId,
        channelId, a.drawnAtWeight());
    return actions.run(switch (a.kind()) {
      case ROLLBACK -> ask.withReason("rolled back from the card");
      case PAUSE -> ask.withReason("paused from the card");
      case CLEANUP_DELETE -> new ReleaseActions.Ask(ask.act(), ask.namespace(), ask.name(), userId,
          channelId, ask.expectedWeight(), 0, null, false, CleanupMode.DELETE);
      case PROMOTE, RESUME, CLEANUP_SCALE -> ask;
    });
  }

  /** Every button is one of the shared acts; no default, so a new button must say which. */
  static ReleaseActions.Act act(CardAction.Kind kind) {
    return switch (kind) {
      case PROMOTE -> ReleaseActions.Act.PROMOTE;
      case ROLLBACK -> ReleaseActions.Act.ROLLBACK;
      case PAUSE -> ReleaseActions.Act.PAUSE;
      case RESUME -> ReleaseActions.Act.RESUME;
      case CLEANUP_SCALE, CLEANUP_DELETE -> ReleaseActions.Act.CLEANUP;
    };
  }
}
