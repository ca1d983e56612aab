package dev.canarybot.demo.slackapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small stand-in for the Slack Web API: the methods the bot uses, answered the way Slack
 * answers them, with every call recorded and the channels' messages kept so a test can see
 * what a person would see. It refuses what real Slack refuses (Block Kit limits, see
 * {@link BlockKitRules}; missing arguments), so a test cannot pass with a message Slack would not
 * show: a refused call is recorded, with its error, and changes nothing. Transport-free;
 * {@link FakeSlackServer} serves it over HTTP. All public methods are thread-safe (one lock: a
 * fake needs correctness, not throughput).
 */
public final class FakeSlackWebApi {

  public static final String TEAM_ID = "T0CANARY";
  public static final String BOT_USER_ID = "U0CANARYBOT";
  public static final String BOT_ID = "B0CANARYBOT";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String botToken;
  private final Clock clock;
  private final SlackTimestamps timestamps;
  private final AtomicLong ids = new AtomicLong();
  private final List<RecordedCall> calls = new ArrayList<>();
  private final ChannelHistory channels = new ChannelHistory();
  private final List<FakeEphemeral> ephemerals = new ArrayList<>();
  /** Asked before every Web API method; a test uses it to answer 429 or 5xx on demand. */
  private Interceptor interceptor = Interceptor.NONE;
  private final Map<String, List<String>> userGroups = new HashMap<>();
  private final Map<String, String> pendingUploads = new HashMap<>();
  private final Map<String, byte[]> files = new LinkedHashMap<>();
  private final Map<String, String> homeViews = new HashMap<>();
  private String uploadUrlPrefix = "http://127.0.0.1/upload/";
  private String responseUrlPrefix = "http://127.0.0.1/response/";
  private String socketAppToken;
  private String socketUrl;
  private final Map<String, String[]> responseUrls = new HashMap<>();

  public FakeSlackWebApi(String botToken, Clock clock) {
    this.botToken = botToken;
    this.clock = clock;
    this.timestamps = new SlackTimestamps(clock);
  }

  // ---- set-up and inspection, for tests and the demo

  /** The members of a user group (its ID, e.g. "S0APPROVERS"), as usergroups.users.list sees them. */
  public synchronized FakeSlackWebApi withUserGroup(String groupId, List<String> userIds) {
    userGroups.put(groupId, List.copyOf(userIds));
    return this;
  }

  /** Where uploads go; the server sets it to its own address. */
  public synchronized void setUploadUrlPrefix(String prefix) {
    this.uploadUrlPrefix = prefix;
  }

  /** Forgets every message, ephemeral, call and file: a clean channel for the next test. */
  public synchronized void reset() {
    calls.clear();
    channels.clear();
    ephemerals.clear();
    files.clear();
    pendingUploads.clear();
    homeViews.clear();
    responseUrls.clear();
    interceptor.reset();
  }

  /** Answers a method call before the fake does, or lets it through (empty). */
  public interface Interceptor {
    Interceptor NONE = (method, params) -> Optional.empty();

    /** {@code params} as {@link #handle} got them, e.g. to fail one channel's calls only. */
    Optional<FakeResponse> before(String method, Map<String, String> params);

    /** Forgets what it was told to do, with {@link #reset()}. */
    default void reset() {}
  }

  /** Puts {@code next} in front of every Web API method (tests: rate limits, server errors). */
  public synchronized void intercept(Interceptor next) {
    this.interceptor = next == null ? Interceptor.NONE : next;
  }

  /** Answers apps.connections.open for {@code appToken} with a WebSocket URL (Socket Mode). */
  public synchronized void setSocketMode(String appToken, String url) {
    this.socketAppToken = appToken;
    this.socketUrl = url;
  }

  /** Where response_url replies go; the server sets it to its own address. */
  public synchronized void setResponseUrlPrefix(String prefix) {
    this.responseUrlPrefix = prefix;
  }

  /**
   * A response_url for a command or click by {@code user} in {@code channel}, as Slack puts
   * in its payloads; replies to it show as that user's ephemerals in that channel.
   */
  public synchronized String newResponseUrl(String channel, String user) {
    String id = "R" + ids.incrementAndGet();
    responseUrls.put(id, new String[] {channel, user});
    return responseUrlPrefix + id;
  }

  /** A reply posted to a response_url: JSON with text, blocks and response_type. */
  public synchronized FakeResponse respond(String id, Map<String, String> params) {
    String[] where = responseUrls.get(id);
    BlockKitProblem problem = where == null || params.get("blocks") == null ? null
        : BlockKitRules.message(params.get("blocks")).orElse(null);
    FakeResponse response;
    if (where == null) {
      response = new FakeResponse(404, Map.of(), "no such response_url");
    } else if (problem != null) {
      response = InvalidBlocks.answer("response_url", problem);
    } else {
      String ts = timestamps.next();
      if ("in_channel".equals(params.get("response_type"))) {
        channels.add(new FakeMessage(where[0], ts, null, params.getOrDefault("text", ""),
            params.get("blocks"), List.of(), 0));
      } else {
        ephemerals.add(new FakeEphemeral(where[0], where[1], ts, params.getOrDefault("text", ""),
            params.get("blocks")));
      }
      response = new FakeResponse(200, Map.of("Content-Type", "text/plain"), "ok");
    }
    calls.add(new RecordedCall("response_url", params, response.status(), clock.instant(),
        problem == null ? null : InvalidBlocks.error("response_url"),
        problem == null ? null : problem.toString()));
    return response;
  }

  public synchronized List<RecordedCall> calls() {
    return List.copyOf(calls);
  }

  public synchronized List<RecordedCall> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  /** The calls refused because their blocks broke a Block Kit rule: none, in a sound flow. */
  public synchronized List<RecordedCall> blockRefusals() {
    return calls.stream().filter(c -> c.problem() != null).toList();
  }

  /** What the channel shows now: every message in posting order, each in its latest version. */
  public synchronized List<FakeMessage> channel(String channelId) {
    return channels.messages(channelId);
  }

  public synchronized Optional<FakeMessage> message(String channelId, String ts) {
    return channels.find(channelId, ts);
  }

  public synchronized List<FakeEphemeral> ephemerals() {
    return List.copyOf(ephemerals);
  }

  public synchronized Optional<byte[]> file(String fileId) {
    return Optional.ofNullable(files.get(fileId)).map(byte[]::clone);
  }

  /** The App Home view last published for a user, as JSON text. */
  public synchronized Optional<String> homeView(String userId) {
    return Optional.ofNullable(homeViews.get(userId));
  }

  // ---- the API

  /**
   * Answers one Web API call. {@code params} are the form fields (or a JSON body's top-level
   * fields, nested values as JSON text); the token comes from the Authorization header or,
   * as older clients send it, a "token" field.
   */
  public synchronized FakeResponse handle(String method, Map<String, String> params,
      String authorizationHeader) {
    Map<String, String> recorded = new LinkedHashMap<>(params);
    // The record is for assertions and demo screens: a token never goes into it.
    recorded.remove("token");
    Answer answer = answer(method, params, authorizationHeader);
    FakeResponse response = answer.response();
    calls.add(new RecordedCall(method, recorded, response.status(), clock.instant(),
        errorOf(response), answer.problem() == null ? null : answer.problem().toString()));
    return response;
  }

  /** The raw upload to an upload_url handed out by files.getUploadURLExternal. */
  public synchronized FakeResponse upload(String fileId, byte[] content) {
    FakeResponse response;
    if (!pendingUploads.containsKey(fileId)) {
      response = new FakeResponse(404, Map.of(), "no such upload");
    } else {
      files.put(fileId, content.clone());
      response = new FakeResponse(200, Map.of("Content-Type", "text/plain"),
          "OK - " + content.length);
    }
    calls.add(new RecordedCall("upload", Map.of("file_id", fileId,
        "length", String.valueOf(content.length)), response.status(), clock.instant()));
    return response;
  }

  /** What the fake answers, and the Block Kit problem when that was the refusal. */
  private record Answer(FakeResponse response, BlockKitProblem problem) {
    Answer(FakeResponse response) {
      this(response, null);
    }
  }

  private Answer answer(String method, Map<String, String> params, String authorization) {
    Optional<FakeResponse> forced = interceptor.before(method, params);
    if (forced.isPresent()) {
      return new Answer(forced.get());
    }
    if (!isKnown(method)) {
      return new Answer(error("unknown_method"));
    }
    String token = token(params, authorization);
    if (token == null) {
      return new Answer(error("not_authed"));
    }
    if (method.equals("apps.connections.open")) {
      // Socket Mode opens its connection with the app-level token, not the bot token.
      return new Answer(socketAppToken != null && socketAppToken.equals(token)
          ? ok().put("url", socketUrl).done() : error("invalid_auth"));
    }
    if (!token.equals(botToken)) {
      return new Answer(error("invalid_auth"));
    }
    try {
      return new Answer(dispatch(method, params));
    } catch (MissingArgument e) {
      return new Answer(error(e.error));
    } catch (BadBlocks e) {
      return new Answer(InvalidBlocks.answer(method, e.problem), e.problem);
    }
  }

  private static boolean isKnown(String method) {
    return List.of("auth.test", "chat.postMessage", "chat.update", "chat.postEphemeral",
        "usergroups.users.list", "files.getUploadURLExternal", "files.completeUploadExternal",
        "views.open", "views.publish", "apps.connections.open").contains(method);
  }

  private FakeResponse dispatch(String method, Map<String, String> params) {
    switch (method) {
      case "auth.test":
        return ok().put("url", "https://canary-fake.slack.com/").put("team", "Canary Fake")
            .put("user", "canary-bot").put("team_id", TEAM_ID).put("user_id", BOT_USER_ID)
            .put("bot_id", BOT_ID).put("is_enterprise_install", false).done();
      case "chat.postMessage":
        return postMessage(params);
      case "chat.update":
        return update(params);
      case "chat.postEphemeral":
        return postEphemeral(params);
      case "usergroups.users.list":
        return userGroupMembers(params);
      case "files.getUploadURLExternal":
        return uploadUrl(params);
      case "files.completeUploadExternal":
        return completeUpload(params);
      case "views.open":
        required(params, "trigger_id", "invalid_arguments");
        return view(params);
      case "views.publish":
        String user = required(params, "user_id", "invalid_arguments");
        FakeResponse published = view(params);
        if (errorOf(published) == null) {
          homeViews.put(user, params.get("view"));
        }
        return published;
      default:
        throw new IllegalStateException("known but not dispatched: " + method);
    }
  }

  /*
   * The errors below are the methods' own, as api.slack.com lists them (methods/chat.postMessage,
   * chat.update, chat.postEphemeral, "Errors"): channel_not_found "Value passed for channel was
   * invalid", message_not_found "No message exists with the requested timestamp", no_text "No
   * message text provided", user_not_in_channel "Intended recipient is not in the specified
   * channel". Slack documents no separate code for an argument left out entirely; these are the
   * listed codes for it (an absent channel, ts or user names none that exists).
   */

  private FakeResponse postMessage(Map<String, String> params) {
    String channel = required(params, "channel", "channel_not_found");
    String blocks = params.get("blocks");
    if (isBlank(params.get("text")) && blocks == null && params.get("attachments") == null) {
      return error("no_text");
    }
    checkBlocks(blocks);
    String ts = timestamps.next();
    FakeMessage message = new FakeMessage(channel, ts, params.get("thread_ts"),
        params.getOrDefault("text", ""), blocks, List.of(), 0);
    channels.add(message);
    return ok().put("channel", channel).put("ts", ts).set("message", json(message)).done();
  }

  private FakeResponse update(Map<String, String> params) {
    String channel = required(params, "channel", "channel_not_found");
    String ts = required(params, "ts", "message_not_found");
    String blocks = params.get("blocks");
    if (isBlank(params.get("text")) && blocks == null && params.get("attachments") == null) {
      return error("no_text");
    }
    checkBlocks(blocks);
    Optional<FakeMessage> found = channels.find(channel, ts);
    if (found.isEmpty()) {
      return error("message_not_found");
    }
    // As in Slack: an update without blocks removes them (SLACK.md, "Messages").
    FakeMessage updated = found.get().updated(params.getOrDefault("text", ""), blocks);
    channels.replace(updated);
    return ok().put("channel", channel).put("ts", ts).put("text", updated.text())
        .set("message", json(updated)).done();
  }

  private FakeResponse postEphemeral(Map<String, String> params) {
    String channel = required(params, "channel", "channel_not_found");
    String user = required(params, "user", "user_not_in_channel");
    if (isBlank(params.get("text")) && params.get("blocks") == null) {
      return error("no_text");
    }
    checkBlocks(params.get("blocks"));
    String ts = timestamps.next();
    ephemerals.add(new FakeEphemeral(channel, user, ts, params.getOrDefault("text", ""),
        params.get("blocks")));
    return ok().put("message_ts", ts).done();
  }

  private FakeResponse userGroupMembers(Map<String, String> params) {
    List<String> users = userGroups.get(required(params, "usergroup", "no_such_subteam"));
    if (users == null) {
      return error("no_such_subteam");
    }
    Reply reply = ok();
    ArrayNode array = reply.node.putArray("users");
    users.forEach(array::add);
    return reply.done();
  }

  private FakeResponse uploadUrl(Map<String, String> params) {
    String filename = required(params, "filename", "invalid_arguments");
    if (!required(params, "length", "invalid_arguments").matches("[0-9]+")) {
      return error("invalid_arguments");
    }
    String fileId = "F" + String.format("%08d", ids.incrementAndGet());
    pendingUploads.put(fileId, filename);
    return ok().put("upload_url", uploadUrlPrefix + fileId).put("file_id", fileId).done();
  }

  private FakeResponse completeUpload(Map<String, String> params) {
    JsonNode requested = parse(required(params, "files", "invalid_arguments"));
    if (requested == null || !requested.isArray() || requested.isEmpty()) {
      return error("invalid_arguments");
    }
    Reply reply = ok();
    ArrayNode out = reply.node.putArray("files");
    List<String> fileIds = new ArrayList<>();
    for (JsonNode file : requested) {
      String id = file.path("id").asText();
      if (!files.containsKey(id)) {
        return error("file_not_found");
      }
      fileIds.add(id);
      String name = pendingUploads.get(id);
      out.addObject().put("id", id).put("name", name)
          .put("title", file.path("title").asText(name)).put("size", files.get(id).length)
          .put("user", BOT_USER_ID);
    }
    String channel = params.get("channel_id");
    if (channel != null) {
      channels.add(new FakeMessage(channel, timestamps.next(), params.get("thread_ts"),
          params.getOrDefault("initial_comment", ""), null, fileIds, 0));
    }
    return reply.done();
  }

  private FakeResponse view(Map<String, String> params) {
    JsonNode view = parse(required(params, "view", "invalid_arguments"));
    if (view == null || !view.isObject()) {
      return error("invalid_arguments");
    }
    Optional<BlockKitProblem> problem = BlockKitRules.view(params.get("view"));
    if (problem.isPresent()) {
      throw new BadBlocks(problem.get());
    }
    ObjectNode shown = ((ObjectNode) view).deepCopy();
    shown.put("id", "V" + String.format("%08d", ids.incrementAndGet()));
    shown.put("team_id", TEAM_ID);
    return ok().set("view", shown).done();
  }

  // ---- helpers

  private static String token(Map<String, String> params, String authorization) {
    if (authorization != null && authorization.startsWith("Bearer ")) {
      return authorization.substring("Bearer ".length()).trim();
    }
    return params.get("token");
  }

  private static String required(Map<String, String> params, String name, String error) {
    String value = params.get(name);
    if (isBlank(value)) {
      throw new MissingArgument(error);
    }
    return value;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  /** Refuses a message's blocks that break a Block Kit rule; absent blocks pass. */
  private static void checkBlocks(String blocks) {
    Optional<BlockKitProblem> problem = blocks == null ? Optional.empty() : BlockKitRules.message(blocks);
    if (problem.isPresent()) {
      throw new BadBlocks(problem.get());
    }
  }

  /** The "error" of a JSON answer with "ok":false, else null. */
  private static String errorOf(FakeResponse response) {
    JsonNode body = parse(response.body());
    return body != null && body.path("ok").isBoolean() && !body.path("ok").asBoolean()
        ? body.path("error").asText(null) : null;
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  private static ObjectNode json(FakeMessage message) {
    ObjectNode node = JSON.createObjectNode().put("type", "message").put("text", message.text())
        .put("user", BOT_USER_ID).put("bot_id", BOT_ID).put("ts", message.ts());
    if (message.threadTs() != null) {
      node.put("thread_ts", message.threadTs());
    }
    if (message.blocks() != null) {
      node.set("blocks", parse(message.blocks()));
    }
    return node;
  }

  private static FakeResponse error(String error) {
    return FakeResponse.json("{\"ok\":false,\"error\":\"" + error + "\"}");
  }

  private static Reply ok() {
    return new Reply();
  }

  /** An "ok":true answer under construction. */
  private static final class Reply {
    final ObjectNode node = JSON.createObjectNode().put("ok", true);

    Reply put(String field, String value) {
      node.put(field, value);
      return this;
    }

    Reply put(String field, boolean value) {
      node.put(field, value);
      return this;
    }

    Reply set(String field, JsonNode value) {
      node.set(field, value);
      return this;
    }

    FakeResponse done() {
      return FakeResponse.json(node.toString());
    }
  }

  /** Blocks break a Block Kit rule; the answer is per method ({@link InvalidBlocks}). */
  private static final class BadBlocks extends RuntimeException {
    final BlockKitProblem problem;

    BadBlocks(BlockKitProblem problem) {
      super(problem.toString(), null, false, false);
      this.problem = problem;
    }
  }

  /** A required argument is missing; Slack names the error per method. */
  private static final class MissingArgument extends RuntimeException {
    final String error;

    MissingArgument(String error) {
      super(error, null, false, false);
      this.error = error;
    }
  }
}
