package dev.canarybot.demo.slackapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Slack's answer to blocks that break a Block Kit rule, per method, with the detail Slack is
 * seen to send (java-slack-sdk json-logs/samples/api: chat.postMessage carries {@code errors}
 * and {@code response_metadata.messages}, chat.update and views.publish the messages only,
 * chat.postEphemeral neither). A detail reads "[ERROR] what [json-pointer:/blocks/0/text]" as in
 * the SDK's ResponseMetadata. views.* have no invalid_blocks: bad blocks in a view are
 * {@code invalid_arguments} (api.slack.com/methods/views.publish, "Errors"). A response_url
 * reply is refused like an incoming webhook: HTTP 400 with the body {@code invalid_blocks}
 * (java-slack-sdk IncomingWebhooksTest.testInvalidBlocksError).
 */
final class InvalidBlocks {
  private static final ObjectMapper JSON = new ObjectMapper();

  private InvalidBlocks() {}

  static FakeResponse answer(String method, BlockKitProblem problem) {
    if (method.equals("response_url")) {
      return new FakeResponse(400, Map.of("Content-Type", "text/plain"), error(method));
    }
    String detail = problem.what() + " [json-pointer:" + problem.pointer() + "]";
    ObjectNode body = JSON.createObjectNode().put("ok", false).put("error", error(method));
    if (method.equals("chat.postMessage")) {
      body.putArray("errors").add(detail);
    }
    if (!method.equals("chat.postEphemeral")) {
      body.putObject("response_metadata").putArray("messages").add("[ERROR] " + detail);
    }
    return FakeResponse.json(body.toString());
  }

  /** The error code the method answers bad blocks with. */
  static String error(String method) {
    return method.startsWith("views.") ? "invalid_arguments" : "invalid_blocks";
  }
}
