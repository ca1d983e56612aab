package dev.canarybot.demo;

import dev.canarybot.demo.workloads.DeploymentController;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.time.Clock;
import java.util.HashMap;
import org.jboss.logging.Logger;

/**
 * The demo's Kubernetes API: fabric8's mock server in CRUD mode on 127.0.0.1, plain HTTP, so
 * the bot's own KubernetesClient (pointed at it by the demo profile) and {@code curl} see the
 * same objects, and the {@link DeploymentController} that gives its Deployments pods. Started
 * by {@link DemoKubernetesConfig} when the client is built, so no ordering of startup work can
 * reach the cluster before it listens.
 */
@ApplicationScoped
public class DemoKubernetesApi {
  private static final Logger LOG = Logger.getLogger(DemoKubernetesApi.class);
  private final DemoConfig config;
  private final Clock clock;
  private KubernetesMockServer server;
  private KubernetesClient controllerClient;
  private volatile DeploymentController controller;

  public DemoKubernetesApi(DemoConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** Starts the server, loads the CRD, the example app and its pods, then the deployment controller. */
  public synchronized void start() {
    if (server != null) {
      return;
    }
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new DemoDispatcher(), false);
    server.init(InetAddress.getLoopbackAddress(), config.kubernetesPort());
    try {
      try (KubernetesClient seeding = server.createClient()) {
        new DemoSeed(seeding, config, clock).load();
      }
      controllerClient = server.createClient();
      controller = DeploymentController.start(controllerClient, clock, config.podReadyDelay());
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
    LOG.debugf("demo Kubernetes API listening on %s", url());
  }

  public synchronized void stop() {
    if (controller != null) {
      controller.close();
      controller = null;
    }
    if (controllerClient != null) {
      controllerClient.close();
      controllerClient = null;
    }
    if (server != null) {
      server.destroy();
      server = null;
    }
  }

  /** The demo's deployment controller; null before {@link #start} and after {@link #stop}. */
  public DeploymentController controller() {
    return controller;
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://127.0.0.1:" + config.kubernetesPort();
  }
}
