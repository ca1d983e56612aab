package dev.canarybot.slack.inbound;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.canarybot.slack.SigningSecretPolicy;
import dev.canarybot.slack.SlackSettings;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code POST /slack/events}: slash commands, interactivity and Events API callbacks. In this
 * order: the body is at most {@code quarkus.http.limits.max-body-size} (Vert.x answers 413
 * before this runs); the signature, its time window and its novelty are checked on the raw
 * bytes ({@link SignatureVerifier}; without a usable secret everything is refused); the shape is
 * checked ({@link SlackPayloads}); only then does Bolt parse it and verify it once more. No
 * body is logged, only its content type and length.
 */
@Path("/slack/events")
@Singleton
public class SlackEventsResource {
  private static final Logger LOG = Logger.getLogger(SlackEventsResource.class);
  /** Far more than Slack sends one bot in 5 minutes; about 2 MB when full. */
  static final int REMEMBERED_SIGNATURES = 10_000;

  private final App app;
  private final SlackRequestParser parser;
  private final SignatureVerifier signatures;

  public SlackEventsResource(App app, SlackSettings settings, Clock clock,
      @ConfigProperty(name = "canary.demo.enabled", defaultValue = "false") boolean demo) {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
    this.signatures = SigningSecretPolicy.decide(settings, demo) instanceof SigningSecretPolicy.Verify v
        ? SignatureVerifier.withSecret(v.secret(), clock, REMEMBERED_SIGNATURES)
        : SignatureVerifier.closed();
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  public Response events(byte[] body, @Context HttpHeaders headers, @Context UriInfo uri,
      @Context HttpServerRequest http) throws Exception {
    byte[] raw = body == null ? new byte[0] : body;
    SignatureVerifier.Verdict verdict = signatures.check(
        headers.getHeaderString(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP),
        headers.getHeaderString(SlackSignature.HeaderNames.X_SLACK_SIGNATURE), raw);
    if (verdict != SignatureVerifier.Verdict.ACCEPTED) {
      // Closed, every request is refused and the start said why; anything else is worth a line.
      LOG.logf(signatures.isClosed() ? Logger.Level.DEBUG : Logger.Level.INFO,
          "refused a request to /slack/events (%s): %s", describe(headers, raw), verdict.reason());
      return plain(401, "refused: " + verdict.reason());
    }
    Optional<String> text = SlackPayloads.text(raw);
    Optional<String> problem = text.isEmpty() ? Optional.of("the body is not UTF-8")
        : SlackPayloads.problem(text.get());
    if (problem.isPresent()) {
      return malformed(headers, raw, problem.get());
    }
    Request<?> request;
    try {
      request = parser.parse(httpRequest(text.get(), headers, uri, http));
    } catch (RuntimeException e) {
      // Bolt's parser throws on shapes SlackPayloads let through; the exception would quote the body.
      return malformed(headers, raw, "Bolt could not parse it (" + e.getClass().getSimpleName() + ")");
    }
    if (request == null) {
      LOG.infof("a signed request to /slack/events that is not one Slack sends this bot (%s)",
          describe(headers, raw));
      return plain(400, "not a Slack request: expected a slash command, an interaction or an event");
    }
    com.slack.api.bolt.response.Response answer = app.run(request);
    Response.ResponseBuilder out = Response.status(answer.getStatusCode());
    if (answer.getContentType() != null) {
      out.type(answer.getContentType());
    }
    if (answer.getHeaders() != null) {
      answer.getHeaders().forEach((name, values) -> values.forEach(v -> out.header(name, v)));
    }
    return out.entity(answer.getBody()).build();
  }

  private static SlackRequestParser.HttpRequest httpRequest(String body, HttpHeaders headers,
      UriInfo uri, HttpServerRequest http) {
    Map<String, List<String>> names = new HashMap<>();
    headers.getRequestHeaders().forEach((name, values) -> names.put(name.toLowerCase(), values));
    return SlackRequestParser.HttpRequest.builder()
        .requestUri(uri.getPath())
        .queryString(new HashMap<>(uri.getQueryParameters()))
        .headers(new RequestHeaders(names))
        .requestBody(body)
        .remoteAddress(http.remoteAddress() == null ? null : http.remoteAddress().hostAddress())
        .build();
  }

  private static Response malformed(HttpHeaders headers, byte[] raw, String problem) {
    LOG.infof("a malformed request to /slack/events (%s): %s", describe(headers, raw), problem);
    return plain(400, "malformed Slack request: " + problem);
  }

  /** What may be logged about a request: its content type (cut short) and its length. */
  private static String describe(HttpHeaders headers, byte[] raw) {
    String type = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
    type = type == null ? "no content type" : type.length() > 80 ? type.substring(0, 80) + "…" : type;
    return type + ", " + raw.length + " bytes";
  }

  private static Response plain(int status, String text) {
    return Response.status(status).type(MediaType.TEXT_PLAIN).entity(text).build();
  }
}
