package dev.canarybot.slack.inbound;

import dev.canarybot.release.CleanupMode;
import dev.canarybot.service.ActionResult;
import dev.canarybot.service.ReleaseService;
import dev.canarybot.slack.AccessPolicy.Need;
import dev.canarybot.slack.AccessPolicy;
import dev.canarybot.slack.Mention;
import dev.canarybot.slack.view.SlackText;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The one path from Slack to a release's transition, shared by slash commands and card buttons:
 * who may ask, the weight the asker saw, and the words of the answer. The four-eyes rule and
 * every race are decided by the use case on one read, so a command and a click can never be
 * judged by different rules.
 */
@ApplicationScoped
public class ReleaseActions {

  /** What a person asks of a release, with what it needs. */
  public enum Act {
    PROMOTE(Need.APPROVE),
    ROLLBACK(Need.OPERATE),
    PAUSE(Need.OPERATE),
    RESUME(Need.OPERATE),
    CLEANUP(Need.APPROVE);

    private final Need need;

    Act(Need need) {
      this.need = need;
    }

    public Need need() {
      return need;
    }
  }

  /**
   * One request.
   *
   * @param expectedWeight the weight the asker saw (a button's), or -1 for "as it is now"
   * @param toWeight a later step to promote to, or 0 for the next one
   * @param reason what the person gave, or {@code null}
   * @param force override failed gates (promote) or the wait at 100 % (cleanup)
   * @param mode how cleanup retires the old version; ignored otherwise
   */
  public record Ask(Act act, String namespace, String name, String userId, String channelId,
      int expectedWeight, int toWeight, String reason, boolean force, CleanupMode mode) {

    public static Ask of(Act act, String namespace, String name, String userId, String channelId,
        int expectedWeight) {
      return new Ask(act, namespace, name, userId, channelId, expectedWeight, 0, null, false,
          CleanupMode.SCALE_TO_ZERO);
    }

    public Ask withReason(String text) {
      return new Ask(act, namespace, name, userId, channelId, expectedWeight, toWeight, text, force, mode);
    }
  }

  private final ReleaseService releases;
  private final AccessPolicy access;

  public ReleaseActions(ReleaseService releases, AccessPolicy access) {
    this.releases = releases;
    this.access = access;
  }

  /** Carries out {@code ask} and returns the answer for the person, in mrkdwn. */
  public String run(Ask ask) {
    Optional<String> refused = access.refusal(ask.userId(), ask.act().need(), ask.channelId());
    if (refused.isPresent()) {
      return refusal(refused.get());
    }
    String actor = Mention.of(ask.userId());
    ActionResult result = switch (ask.act()) {
      case PROMOTE -> releases.promote(ask.namespace(), ask.name(), actor, ask.toWeight(),
          ask.expectedWeight(), ask.reason(), ask.force());
      case ROLLBACK -> releases.rollback(ask.namespace(), ask.name(), actor, ask.reason(),
          ask.expectedWeight());
      case PAUSE -> releases.pause(ask.namespace(), ask.name(), actor, ask.reason());
      case RESUME -> releases.resume(ask.namespace(), ask.name(), actor);
      case CLEANUP -> releases.cleanup(ask.namespace(), ask.name(), actor, ask.mode(), ask.force());
    };
    return answer(result);
  }

  /** ":white_check_mark: api-vs: next step of the plan … . VirtualService … now 50/50". */
  static String answer(ActionResult result) {
    if (result instanceof ActionResult.Refused r) {
      return refusal(r.reason());
    }
    ActionResult.Done done = (ActionResult.Done) result;
    return ":white_check_mark: " + done.release().name() + ": " + SlackText.safe(done.entry().reason())
        + (done.outcome().isBlank() ? "" : ". " + SlackText.safe(done.outcome()));
  }

  /** ":no_entry: <why>; nothing was changed": the same words for a command and a click. */
  static String refusal(String reason) {
    String text = reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
    return ":no_entry: " + SlackText.safe(text) + "; nothing was changed";
  }
}
