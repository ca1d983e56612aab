package dev.canarybot.demo.slackapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Block Kit limits real Slack enforces, so the fake refuses what Slack refuses: Slack
 * answers a breach with an error and shows nothing. Pure; the first problem in document order
 * wins. Sources: /work/shared/SLACK.md and Slack's reference pages (docs.slack.dev
 * reference/block-kit: text object 1-3000 characters, emoji on plain_text and verbatim on
 * mrkdwn only; image block alt_text 2000, image_url 3000, title plain_text 2000; confirmation
 * dialog title 100, text 300, confirm/deny 30 and plain_text except its text; context holds
 * text objects and images only). Block and element types it does not model pass unchecked:
 * the fake must not refuse what Slack takes.
 *
 * <p>Lengths are UTF-16 units ({@link String#length()}), the unit SlackText.limit cuts in: never
 * fewer than Slack's characters, so a text cut to fit there passes here and in Slack.
 */
public final class BlockKitRules {

  /** Where blocks are shown; each holds its own number of them. */
  public enum Surface {
    MESSAGE(50, "a message"), MODAL(100, "a modal"), HOME(100, "an App Home view");

    final int maxBlocks;
    final String words;

    Surface(int maxBlocks, String words) {
      this.maxBlocks = maxBlocks;
      this.words = words;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TEXT_OBJECT = 3000;
  private static final Set<String> STYLES = Set.of("primary", "danger");

  private BlockKitRules() {}

  /** A message's {@code blocks} field (chat.postMessage, chat.update, a response_url reply). */
  public static Optional<BlockKitProblem> message(String blocksJson) {
    return blocks(blocksJson, Surface.MESSAGE);
  }

  public static Optional<BlockKitProblem> blocks(String blocksJson, Surface surface) {
    return first(() -> blocks(parse(blocksJson), surface, Path.of("blocks")));
  }

  /** A {@code view} of views.publish or views.open: a home tab or a modal with its blocks. */
  public static Optional<BlockKitProblem> view(String viewJson) {
    return first(() -> {
      Path at = Path.of("view");
      JsonNode view = parse(viewJson);
      if (view == null || !view.isObject()) {
        fail(at, "not a JSON object");
      }
      String type = string(view, "type", at, true);
      Surface surface = switch (type) {
        case "home" -> Surface.HOME;
        case "modal" -> Surface.MODAL;
        default -> throw new Found(at.key("type"), "must be home or modal, got \"" + type + "\"");
      };
      if (!view.has("blocks")) {
        fail(at, "a view needs blocks");
      }
      blocks(view.get("blocks"), surface, at.key("blocks"));
    });
  }

  private static void blocks(JsonNode blocks, Surface surface, Path at) {
    if (blocks == null || !blocks.isArray()) {
      fail(at, "not a JSON array");
    }
    if (blocks.size() > surface.maxBlocks) {
      fail(at, blocks.size() + " blocks, limit " + surface.maxBlocks + " in " + surface.words);
    }
    Map<String, Integer> blockIds = new HashMap<>();
    for (int i = 0; i < blocks.size(); i++) {
      JsonNode block = blocks.get(i);
      Path bp = at.index(i);
      if (!block.isObject()) {
        fail(bp, "not a JSON object");
      }
      String type = string(block, "type", bp, true);
      String blockId = string(block, "block_id", bp, false);
      if (blockId != null) {
        limit(blockId, 255, bp.key("block_id"));
        Integer earlier = blockIds.putIfAbsent(blockId, i);
        if (earlier != null) {
          fail(bp.key("block_id"), "\"" + blockId + "\" is also the block_id of "
              + at.index(earlier).where() + "; it must be unique within " + surface.words);
        }
      }
      switch (type) {
        case "section" -> section(block, bp);
        case "header" -> text(required(block, "text", bp), bp.key("text"), 150, true);
        case "context" -> context(block, bp);
        case "actions" -> actions(block, bp);
        case "image" -> image(block, bp);
        default -> { } // divider, and types this fake does not model
      }
    }
  }

  private static void section(JsonNode block, Path at) {
    if (!block.has("text") && !block.has("fields")) {
      fail(at, "a section needs text or fields");
    }
    if (block.has("text")) {
      text(block.get("text"), at.key("text"), 3000, false);
    }
    if (block.has("fields")) {
      JsonNode fields = array(block, "fields", at, 10, "fields");
      for (int i = 0; i < fields.size(); i++) {
        text(fields.get(i), at.key("fields").index(i), 2000, false);
      }
    }
    if (block.has("accessory")) {
      element(block.get("accessory"), at.key("accessory"), -1, new HashMap<>());
    }
  }

  private static void context(JsonNode block, Path at) {
    JsonNode elements = array(block, "elements", at, 10, "elements");
    for (int i = 0; i < elements.size(); i++) {
      JsonNode element = elements.get(i);
      Path ep = at.key("elements").index(i);
      String type = element.isObject() ? element.path("type").asText("") : "";
      if (type.equals("plain_text") || type.equals("mrkdwn")) {
        text(element, ep, TEXT_OBJECT, false);
      } else if (!type.equals("image")) {
        fail(ep, "a context holds text objects and images only, got \"" + type + "\"");
      }
    }
  }

  private static void actions(JsonNode block, Path at) {
    JsonNode elements = array(block, "elements", at, 25, "elements");
    Map<String, Integer> actionIds = new HashMap<>();
    for (int i = 0; i < elements.size(); i++) {
      element(elements.get(i), at.key("elements").index(i), i, actionIds);
    }
  }

  private static void image(JsonNode block, Path at) {
    limit(string(block, "alt_text", at, true), 2000, at.key("alt_text"));
    String url = string(block, "image_url", at, false);
    if (url != null) {
      limit(url, 3000, at.key("image_url"));
    }
    if (block.has("title")) {
      text(block.get("title"), at.key("title"), 2000, true);
    }
  }

  /**
   * An interactive element, the {@code index}th of its block's elements; {@code actionIds} are
   * those already used in the same block, by element index.
   */
  private static void element(JsonNode element, Path at, int index, Map<String, Integer> actionIds) {
    if (!element.isObject()) {
      fail(at, "not a JSON object");
    }
    String type = string(element, "type", at, true);
    String actionId = string(element, "action_id", at, false);
    if (actionId != null) {
      limit(actionId, 255, at.key("action_id"));
      Integer earlier = actionIds.putIfAbsent(actionId, index);
      if (earlier != null) {
        fail(at.key("action_id"), "\"" + actionId + "\" is also the action_id of elements["
            + earlier + "]; it must be unique within its block");
      }
    }
    if (type.equals("button")) {
      text(required(element, "text", at), at.key("text"), 75, true);
      String value = string(element, "value", at, false);
      if (value != null) {
        limit(value, 2000, at.key("value"));
      }
      String url = string(element, "url", at, false);
      if (url != null) {
        limit(url, 3000, at.key("url"));
      }
      style(element, at);
    }
    if (element.has("confirm")) {
      confirm(element.get("confirm"), at.key("confirm"));
    }
  }

  private static void confirm(JsonNode dialog, Path at) {
    if (!dialog.isObject()) {
      fail(at, "not a JSON object");
    }
    if (dialog.has("title")) {
      text(dialog.get("title"), at.key("title"), 100, true);
    }
    if (dialog.has("text")) {
      text(dialog.get("text"), at.key("text"), 300, false);
    }
    if (dialog.has("confirm")) {
      text(dialog.get("confirm"), at.key("confirm"), 30, true);
    }
    if (dialog.has("deny")) {
      text(dialog.get("deny"), at.key("deny"), 30, true);
    }
    style(dialog, at);
  }

  private static void style(JsonNode node, Path at) {
    String style = string(node, "style", at, false);
    if (style != null && !STYLES.contains(style)) {
      fail(at.key("style"), "must be primary or danger, got \"" + style + "\"");
    }
  }

  /** A text object at most {@code max} characters long (and never over the 3000 of any). */
  private static void text(JsonNode text, Path at, int max, boolean plainOnly) {
    if (!text.isObject()) {
      fail(at, "not a text object");
    }
    String type = string(text, "type", at, true);
    boolean plain = type.equals("plain_text");
    if (!plain && !type.equals("mrkdwn")) {
      fail(at.key("type"), "must be plain_text or mrkdwn, got \"" + type + "\"");
    }
    if (plainOnly && !plain) {
      fail(at.key("type"), "plain_text only, got mrkdwn");
    }
    if (text.has("emoji") && !plain) {
      fail(at.key("emoji"), "emoji is allowed on plain_text only");
    }
    if (text.has("verbatim") && plain) {
      fail(at.key("verbatim"), "verbatim is allowed on mrkdwn only");
    }
    String value = string(text, "text", at, true);
    if (value.isEmpty()) {
      fail(at.key("text"), "empty; a text object needs at least one character");
    }
    limit(value, Math.min(max, TEXT_OBJECT), at.key("text"));
  }

  // ---- helpers

  private static void limit(String value, int max, Path at) {
    if (value.length() > max) {
      fail(at, value.length() + " characters, limit " + max);
    }
  }

  private static JsonNode required(JsonNode node, String field, Path at) {
    if (!node.has(field) || node.get(field).isNull()) {
      fail(at.key(field), "missing");
    }
    return node.get(field);
  }

  private static JsonNode array(JsonNode node, String field, Path at, int max, String what) {
    JsonNode array = required(node, field, at);
    if (!array.isArray()) {
      fail(at.key(field), "not a JSON array");
    }
    if (array.size() > max) {
      fail(at.key(field), array.size() + " " + what + ", limit " + max);
    }
    return array;
  }

  /** A string field; null when absent and not required. */
  private static String string(JsonNode node, String field, Path at, boolean required) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        fail(at.key(field), "missing");
      }
      return null;
    }
    if (!value.isTextual()) {
      fail(at.key(field), "not a string");
    }
    return value.asText();
  }

  private static JsonNode parse(String json) {
    try {
      return json == null ? null : JSON.readTree(json);
    } catch (IOException e) {
      return null;
    }
  }

  private static Optional<BlockKitProblem> first(Runnable check) {
    try {
      check.run();
      return Optional.empty();
    } catch (Found found) {
      return Optional.of(found.problem);
    }
  }

  private static void fail(Path at, String what) {
    throw new Found(at, what);
  }

  /** A path from the payload's root, built as the check descends. */
  private record Path(List<Object> parts) {
    static Path of(String root) {
      return new Path(List.of(root));
    }

    Path key(String field) {
      return with(field);
    }

    Path index(int i) {
      return with(i);
    }

    String where() {
      return new BlockKitProblem(parts, "").where();
    }

    private Path with(Object part) {
      List<Object> next = new ArrayList<>(parts);
      next.add(part);
      return new Path(List.copyOf(next));
    }
  }

  /** The first problem found; ends the walk (a stack-trace-free signal, not an error). */
  private static final class Found extends RuntimeException {
    final BlockKitProblem problem;

    Found(Path at, String what) {
      super(what, null, false, false);
      this.problem = new BlockKitProblem(at.parts(), what);
    }
  }
}
