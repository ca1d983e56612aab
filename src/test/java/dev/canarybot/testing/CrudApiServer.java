package dev.canarybot.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * fabric8's CRUD mock API server for a plain JUnit test, so that several bot instances (each
 * with its own client, as separate replicas have) share one cluster without a Quarkus app.
 */
public final class CrudApiServer implements AutoCloseable {
  private final KubernetesMockServer server =
      new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);

  public CrudApiServer() {
    server.init();
  }

  /** A new client, as another replica would have. */
  public KubernetesClient client() {
    return server.createClient();
  }

  /** A client whose requests carry {@code userAgent}, so {@link #takeRequests} can tell them apart. */
  public KubernetesClient client(String userAgent) {
    return server.createClient(b -> b.editOrNewConfig().withUserAgent(userAgent).endConfig());
  }

  /** A client built with {@code customize} applied to its builder, e.g. to add an interceptor. */
  public KubernetesClient client(Consumer<KubernetesClientBuilder> customize) {
    return server.createClient(customize);
  }

  /** Every request received since the last call, oldest first. */
  public List<RecordedRequest> takeRequests() {
    List<RecordedRequest> taken = new ArrayList<>();
    try {
      RecordedRequest r;
      while ((r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
        taken.add(r);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return taken;
  }

  @Override
  public void close() {
    server.destroy();
  }
}
