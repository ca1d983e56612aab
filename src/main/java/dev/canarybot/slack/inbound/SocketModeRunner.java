package dev.canarybot.slack.inbound;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import dev.canarybot.slack.SlackSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Socket Mode, when an app-level token is set: Slack delivers commands and clicks over a
 * WebSocket the bot opens, so the cluster needs no public URL. The same {@link App} answers.
 */
@ApplicationScoped
public class SocketModeRunner {
  private static final Logger LOG = Logger.getLogger(SocketModeRunner.class);
  private final App app;
  private final SlackSettings settings;
  private SocketModeApp socket;

  public SocketModeRunner(App app, SlackSettings settings) {
    this.app = app;
    this.settings = settings;
  }

  void start(@Observes StartupEvent started) throws Exception {
    if (settings.appToken().isEmpty()) {
      return;
    }
    // Java-WebSocket, named explicitly: Bolt's default backend needs a javax.websocket runtime.
    socket = new SocketModeApp(settings.appToken().get(), app, SocketModeClient.Backend.JavaWebSocket);
    socket.startAsync();
    LOG.info("Socket Mode connected; /slack/events is not needed");
  }

  void stop(@Observes ShutdownEvent stopping) {
    if (socket == null) {
      return;
    }
    try {
      socket.close();
    } catch (Exception e) {
      LOG.debug("Socket Mode close failed", e);
    }
  }
}
