package dev.canarybot.cluster;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Counts every request the bot's KubernetesClient sends ({@code canary.kubernetes.requests},
 * by verb, resource and outcome), so the cost of a tick or a resync can be read off
 * {@code /q/metrics}. fabric8 calls the interceptor once per attempt, so a retried request
 * counts each time it reaches the API server, as the server itself would. A connection failure
 * is reported to interceptors only when fabric8 retries it: the last attempt, the one it gives
 * up on, goes uncounted.
 */
public final class KubernetesRequestCounter implements Interceptor {
  public static final String NAME = "canary.kubernetes.requests";

  private final MeterRegistry meters;

  public KubernetesRequestCounter(MeterRegistry meters) {
    this.meters = meters;
  }

  @Override
  public void after(HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
    count(request, outcome(response.code()));
  }

  @Override
  public void afterConnectionFailure(HttpRequest request, Throwable failure) {
    count(request, "unreachable");
  }

  /**
   * The answer in a word: the two a controller acts on (404, 409) have their own, the rest by
   * class, so the label stays a handful of values.
   */
  static String outcome(int code) {
    if (code == 404) {
      return "not_found";
    }
    if (code == 409) {
      return "conflict";
    }
    if (code >= 500) {
      return "server_error";
    }
    return code >= 400 ? "client_error" : "ok";
  }

  private void count(HttpRequest request, String outcome) {
    KubernetesRequest parsed = KubernetesRequest.parse(request.method(), request.uri());
    Counter.builder(NAME)
        .description("Requests sent to the Kubernetes API server")
        .tag("verb", parsed.verb().label())
        .tag("resource", parsed.resource())
        .tag("outcome", outcome)
        .register(meters)
        .increment();
  }
}
