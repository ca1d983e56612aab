package dev.canarybot.slack.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.util.json.GsonFactory;
import dev.canarybot.demo.slackapi.BlockKitRules;
import dev.canarybot.release.CanaryRelease;
import dev.canarybot.release.ReleaseFixtures;
import dev.canarybot.service.CanaryConfig;
import dev.canarybot.service.ReleaseService;
import dev.canarybot.service.TestConfig;
import dev.canarybot.service.port.ReleaseStore;
import dev.canarybot.service.port.StoredRelease;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The Home tab stays a view Slack takes, however many namespaces and releases there are. */
class HomeTabTest {

  static HomeTab home(int namespaces, int releasesEach, String unreadableNamespace) {
    List<String> names = IntStream.range(0, namespaces).mapToObj(i -> "ns" + i).toList();
    CanaryConfig config = new TestConfig(names);
    ReleaseStore store = new ReleaseStore() {
      public Optional<StoredRelease> find(String ns, String name) { return Optional.empty(); }
      public List<StoredRelease> list(String ns) {
        if (ns.equals(unreadableNamespace)) {
          throw new IllegalStateException("forbidden");
        }
        CanaryRelease r = ReleaseFixtures.progressing();
        return IntStream.range(0, releasesEach).mapToObj(i -> new StoredRelease(r, "1")).toList();
      }
      public List<StoredRelease> listAll() { return List.of(); }
      public StoredRelease create(CanaryRelease r) { throw new UnsupportedOperationException(); }
      public StoredRelease update(StoredRelease p, CanaryRelease n) { throw new UnsupportedOperationException(); }
    };
    ReleaseService releases = new ReleaseService(store, q -> null, null, null, null, r -> List.of(),
        ns -> true, null, config, Clock.systemUTC());
    return new HomeTab(releases, config, null, null, null,
        new dev.canarybot.service.Policies(dev.canarybot.service.port.FreezeStore.NONE, config));
  }

  static String json(HomeTab tab) {
    return "{\"type\":\"home\",\"blocks\":" + GsonFactory.createSnakeCase().toJson(tab.blocks()) + "}";
  }

  @Test
  void fortyNamespacesFitInAHomeTabAndSayWhatWasLeftOut() {
    HomeTab tab = home(40, 2, null);
    assertThat(tab.blocks()).hasSizeLessThanOrEqualTo(HomeTab.MOST_BLOCKS);
    assertThat(BlockKitRules.view(json(tab))).isEmpty();
    assertThat(json(tab)).contains("more releases");
  }

  @Test
  void oneUnreadableNamespaceDoesNotBlankTheOthers() {
    HomeTab tab = home(3, 1, "ns1");
    assertThat(json(tab)).contains("`ns0`", "`ns1`", "`ns2`", "Could not read the releases here");
    assertThat(BlockKitRules.view(json(tab))).isEmpty();
  }
}
