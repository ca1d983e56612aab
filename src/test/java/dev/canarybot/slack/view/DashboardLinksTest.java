package dev.canarybot.slack.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarybot.release.ReleaseTarget;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Link templates: read at start (mistakes refused with the right form), rendered per card. */
class DashboardLinksTest {
  static final ReleaseTarget TARGET = new ReleaseTarget("shop", "api-vs", "primary",
      "api-service.shop.svc.cluster.local", "v1", "v2", "api-v1", "api-v2");
  /** 2026-11-28T10:00:00.250Z: 1795860000 s since the epoch (2026-11-28 is day 20785), plus 250 ms. */
  static final Instant SINCE = Instant.parse("2026-11-28T10:00:00.250Z");

  static DashboardLinks.Rendered render(String template, ReleaseTarget t, String version) {
    return DashboardLinks.parse(Map.of("x", template)).render(t, version, SINCE);
  }

  static String url(String template) {
    return render(template, TARGET, "v2").links().get(0).url();
  }

  @Test
  void everyPlaceholderIsReplacedByItsValue() {
    assertThat(url("https://g.example/{{namespace}}/{{service}}/{{virtualService}}/{{stableWorkload}}"
        + "/{{canaryWorkload}}/{{version}}?from={{since}}&t={{since_rfc3339}}"))
        .isEqualTo("https://g.example/shop/api-service.shop.svc.cluster.local/api-vs/api-v1/api-v2/v2"
            + "?from=1795860000250&t=2026-11-28T10%3A00%3A00Z");
  }

  @Test
  void aPlaceholderMayRepeatAndSitBesideLiteralText() {
    // Jaeger takes microseconds: the template appends three zeros to the milliseconds.
    assertThat(url("https://j.example/search?start={{since}}000&ns={{namespace}}&again={{namespace}}"))
        .isEqualTo("https://j.example/search?start=1795860000250000&ns=shop&again=shop");
  }

  @Test
  void theVersionIsTheOneGivenNotTheSubsetName() {
    assertThat(render("https://g.example/?v={{version}}", TARGET, "2.4.1").links().get(0).url())
        .isEqualTo("https://g.example/?v=2.4.1");
  }

  @Test
  void valuesFromTheClusterAreEncodedSoTheyCannotAddPartsOfTheirOwn() {
    // Kubernetes would refuse such names, but a hand-written CanaryRelease is read as it is.
    ReleaseTarget hostile = new ReleaseTarget("a b&c=d/e?f#g", "vs%2F", "primary", "h.local", "v1",
        "v2", "api-v1", "api-v2");
    assertThat(render("https://g.example/d/{{namespace}}?vs={{virtualService}}&v={{version}}", hostile,
        "ü+\"<x>").links().get(0).url())
        .isEqualTo("https://g.example/d/a%20b%26c%3Dd%2Fe%3Ff%23g?vs=vs%252F&v=%C3%BC%2B%22%3Cx%3E");
  }

  @Test
  void linksComeSortedByName() {
    Map<String, String> configured = new LinkedHashMap<>();
    configured.put("kiali", "https://k.example/");
    configured.put("grafana", "https://g.example/");
    configured.put("jaeger", "https://j.example/");
    assertThat(DashboardLinks.parse(configured).render(TARGET, "v2", SINCE).links())
        .extracting(DashboardLinks.Link::name).containsExactly("grafana", "jaeger", "kiali");
  }

  @Test
  void anUnknownPlaceholderIsRefusedWithTheRightForm() {
    assertThatThrownBy(() -> DashboardLinks.parse(Map.of("grafana", "https://g.example/?ns={{namespce}}")))
        .isInstanceOf(InvalidLinkException.class)
        .hasMessageContaining("canary.links.grafana \"https://g.example/?ns={{namespce}}\": unknown placeholder {{namespce}}")
        .hasMessageContaining("{{namespace}}, {{service}}, {{virtualService}}, {{stableWorkload}}, "
            + "{{canaryWorkload}}, {{version}}, {{since}}, {{since_rfc3339}}")
        .hasMessageContaining("e.g. canary.links.grafana=https://grafana.example.com/d/");
  }

  @Test
  void aPlaceholderIsCaseSensitive() {
    assertThatThrownBy(() -> DashboardLinks.parse(Map.of("k", "https://k.example/{{VirtualService}}")))
        .isInstanceOf(InvalidLinkException.class).hasMessageContaining("unknown placeholder {{VirtualService}}");
  }

  @Test
  void anUnclosedPlaceholderIsRefused() {
    assertThatThrownBy(() -> DashboardLinks.parse(Map.of("k", "https://k.example/{{namespace")))
        .isInstanceOf(InvalidLinkException.class).hasMessageContaining("is never closed by \"}}\"");
  }

  @Test
  void onlyAbsoluteHttpUrlsAreTaken() {
    for (String bad : new String[] {"/d/istio", "grafana.example.com/d/x", "ftp://g.example/",
        "javascript:alert(1)", "{{service}}/x", ""}) {
      assertThatThrownBy(() -> DashboardLinks.parse(Map.of("g", bad))).as(bad)
          .isInstanceOf(InvalidLinkException.class).hasMessageContaining("not an absolute http(s) URL");
    }
    assertThat(url("HTTP://g.example/")).isEqualTo("HTTP://g.example/");
  }

  @Test
  void aUrlWithoutAHostOrWithCharactersAUrlCannotHoldIsRefused() {
    assertThatThrownBy(() -> DashboardLinks.parse(Map.of("g", "https:///path")))
        .isInstanceOf(InvalidLinkException.class).hasMessageContaining("has no host");
    assertThatThrownBy(() -> DashboardLinks.parse(Map.of("j", "https://j.example/?tags={\"v\":\"{{version}}\"}")))
        .isInstanceOf(InvalidLinkException.class).hasMessageContaining("percent-encode");
  }

  @Test
  void aNameThatCouldNotBeAButtonIsRefused() {
    assertThatThrownBy(() -> DashboardLinks.parse(Map.of("x".repeat(41), "https://g.example/")))
        .isInstanceOf(InvalidLinkException.class).hasMessageContaining("the name must be 1-40 letters");
    assertThatThrownBy(() -> DashboardLinks.parse(Map.of("-g", "https://g.example/")))
        .isInstanceOf(InvalidLinkException.class).hasMessageContaining("canary.links.-g");
  }

  @Test
  void moreLinksThanOneRowOfButtonsHoldsAreRefused() {
    Map<String, String> many = new LinkedHashMap<>();
    for (int i = 0; i < 26; i++) {
      many.put("l" + i, "https://g.example/" + i);
    }
    assertThatThrownBy(() -> DashboardLinks.parse(many))
        .isInstanceOf(InvalidLinkException.class).hasMessageContaining("26 links, at most 25");
  }

  @Test
  void aUrlLongerThanSlackTakesIsLeftOffAndSaysWhy() {
    // 18 characters of "https://g.example/" and 2982 more: exactly Slack's 3000, still drawn.
    String exact = "https://g.example/" + "a".repeat(3000 - "https://g.example/".length());
    assertThat(url(exact)).hasSize(3000);
    // A namespace of 100 '/' becomes 300 characters (%2F each): 18 + 2800 + 300 = 3118, over.
    ReleaseTarget wide = new ReleaseTarget("/".repeat(100), "api-vs", "primary", "h.local", "v1", "v2",
        "api-v1", "api-v2");
    String template = "https://g.example/" + "a".repeat(2800) + "{{namespace}}";
    DashboardLinks.Rendered rendered = DashboardLinks.parse(Map.of("grafana", template)).render(wide, "v2", SINCE);
    assertThat(rendered.links()).isEmpty();
    assertThat(rendered.leftOff()).singleElement().asString()
        .contains("link grafana left off", "3118 characters after rendering, over Slack's 3000");
  }

  @Test
  void withoutAStepStartOnlyTheLinksThatNeedItAreLeftOff() {
    DashboardLinks links = DashboardLinks.parse(Map.of("a", "https://a.example/?from={{since}}",
        "b", "https://b.example/{{namespace}}"));
    DashboardLinks.Rendered rendered = links.render(TARGET, "v2", null);
    assertThat(rendered.links()).extracting(DashboardLinks.Link::name).containsExactly("b");
    assertThat(rendered.leftOff()).singleElement().asString().contains("link a", "no value for since");
  }

  @Test
  void noLinksIsNoButtons() {
    assertThat(DashboardLinks.parse(Map.of()).isEmpty()).isTrue();
    assertThat(DashboardLinks.NONE.render(TARGET, "v2", SINCE).links()).isEmpty();
  }
}
