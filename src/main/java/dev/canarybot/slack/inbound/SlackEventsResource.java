package dev.canarybot.slack.inbound;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /slack/events}: slash commands, interactivity and Events API callbacks. The raw
 * body goes to Bolt untouched, because the signature covers the exact bytes Slack sent; Bolt
 * verifies it (v0, signing secret, 5-minute window) before any handler runs.
 */
@Path("/slack/events")
public class SlackEventsResource {
  private final App app;
  private final SlackRequestParser parser;

  public SlackEventsResource(App app) {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  public Response events(String body, @Context HttpHeaders headers, @Context UriInfo uri,
      @Context HttpServerRequest http) throws Exception {
    Map<String, List<String>> names = new HashMap<>();
    headers.getRequestHeaders().forEach((name, values) -> names.put(name.toLowerCase(), values));
    Map<String, List<String>> query = new HashMap<>(uri.getQueryParameters());
    Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
        .requestUri(uri.getPath())
        .queryString(query)
        .headers(new RequestHeaders(names))
        .requestBody(body == null ? "" : body)
        .remoteAddress(http.remoteAddress() == null ? null : http.remoteAddress().hostAddress())
        .build());
    if (request == null) {
      return Response.status(400).type(MediaType.TEXT_PLAIN)
          .entity("not a Slack request: expected a slash command, an interaction or an event").build();
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
}
