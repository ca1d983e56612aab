package dev.canarybot.slack.view;

import dev.canarybot.release.ReleaseTarget;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The dashboard links of a card ({@code canary.links.<name>=<URL template>}): Grafana, Kiali,
 * Jaeger, each opened on the release's own service, workloads and step. Read once when the bot
 * starts, so a typo stops the start instead of reaching a card; rendered for each card. Pure.
 *
 * <p>It lives with the card because a link is only ever a button on it: the limits that bound
 * it (Slack's 3000-character {@code url}, 75-character button text) are Block Kit's.
 *
 * <p>Every value put into a URL comes from the cluster and is untrusted: each is percent-encoded
 * whole (everything but {@code A-Z a-z 0-9 - . _ ~}), so a name cannot add a query parameter,
 * a path segment or a fragment of its own.
 */
public final class DashboardLinks {
  /** The placeholders a template may use, in the order the error messages list them. */
  public static final List<String> PLACEHOLDERS = List.of("namespace", "service", "virtualService",
      "stableWorkload", "canaryWorkload", "version", "since", "since_rfc3339");
  /** Slack refuses a button whose {@code url} is longer. */
  public static final int MAX_URL = 3000;
  /** Slack's elements per actions block: one block holds every link. */
  public static final int MAX_LINKS = 25;
  /** Names become button text (75) and part of an action_id (255): short DNS-like words. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9_.-]{0,38}[A-Za-z0-9])?");
  static final String EXAMPLE = "canary.links.grafana=https://grafana.example.com/d/LJ_uJAvmk/"
      + "istio-service-dashboard?var-service={{service}}&from={{since}}&to=now";

  /** Every link button's action_id starts so: Slack sends its click, which is acknowledged and ignored. */
  public static final String ACTION_PREFIX = "canary_link_";

  /** A link as drawn: the button's text and where it goes. */
  public record Link(String name, String url) {
    /** Unique within the links block, because names are unique keys of the setting. */
    public String actionId() {
      return ACTION_PREFIX + name;
    }
  }

  /** The links of one card, and why any configured link was left off it. */
  public record Rendered(List<Link> links, List<String> leftOff) {}

  private record Template(String name, String text) {}

  public static final DashboardLinks NONE = new DashboardLinks(List.of());

  private final List<Template> templates;

  private DashboardLinks(List<Template> templates) {
    this.templates = List.copyOf(templates);
  }

  /**
   * Reads {@code canary.links.*}; a wrong name, an unknown placeholder or a template that is not
   * an absolute http(s) URL throws {@link InvalidLinkException} with the right form.
   */
  public static DashboardLinks parse(Map<String, String> configured) {
    if (configured.size() > MAX_LINKS) {
      throw new InvalidLinkException("canary.links: " + configured.size() + " links, at most " + MAX_LINKS
          + " fit on a card (Slack's limit of buttons in one row)");
    }
    List<Template> parsed = new ArrayList<>();
    // Sorted by name, so the buttons keep their places from one card update to the next.
    for (Map.Entry<String, String> e : new TreeMap<>(configured).entrySet()) {
      parsed.add(parse(e.getKey(), e.getValue()));
    }
    return new DashboardLinks(parsed);
  }

  private static Template parse(String name, String text) {
    String key = "canary.links." + name;
    if (!NAME.matcher(name).matches()) {
      throw new InvalidLinkException(key + ": the name must be 1-40 letters, digits, '-', '_' or '.',"
          + " starting and ending with a letter or digit, e.g. " + EXAMPLE);
    }
    String template = text == null ? "" : text.trim();
    String shown = key + " \"" + SlackText.limit(template, 200) + "\"";
    int at = 0;
    while ((at = template.indexOf("{{", at)) >= 0) {
      int end = template.indexOf("}}", at + 2);
      if (end < 0) {
        throw new InvalidLinkException(shown + ": \"{{\" at character " + (at + 1) + " is never closed by \"}}\"; "
            + form());
      }
      String placeholder = template.substring(at + 2, end);
      if (!PLACEHOLDERS.contains(placeholder)) {
        throw new InvalidLinkException(shown + ": unknown placeholder {{" + placeholder + "}}; " + form());
      }
      at = end + 2;
    }
    String lower = template.toLowerCase(java.util.Locale.ROOT);
    if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
      throw new InvalidLinkException(shown + ": not an absolute http(s) URL; " + form());
    }
    // The literal parts must make a URL whatever the values are: checked with sample ones.
    String sample = render(template, p -> "x");
    try {
      URI uri = new URI(sample);
      if (uri.getHost() == null) {
        throw new InvalidLinkException(shown + ": the URL has no host; " + form());
      }
    } catch (URISyntaxException e) {
      throw new InvalidLinkException(shown + ": not a URL (" + e.getReason() + " at character "
          + (e.getIndex() + 1) + "); percent-encode characters such as { } \" and spaces; " + form());
    }
    return new Template(name, template);
  }

  private static String form() {
    return "write an absolute http(s) URL with placeholders among {{" + String.join("}}, {{", PLACEHOLDERS)
        + "}}, e.g. " + EXAMPLE;
  }

  public boolean isEmpty() {
    return templates.isEmpty();
  }

  /** How many links are configured, for the start's log line. */
  public int size() {
    return templates.size();
  }

  /**
   * The links for a release's card.
   *
   * @param version the canary's version label, as the analysis reads it
   * @param since when the current step began
   */
  public Rendered render(ReleaseTarget t, String version, Instant since) {
    Map<String, String> values = new TreeMap<>();
    values.put("namespace", t.namespace());
    values.put("service", t.host());
    values.put("virtualService", t.virtualService());
    values.put("stableWorkload", t.stableWorkload());
    values.put("canaryWorkload", t.canaryWorkload());
    values.put("version", version);
    if (since != null) {
      values.put("since", String.valueOf(since.toEpochMilli()));
      values.put("since_rfc3339", since.truncatedTo(ChronoUnit.SECONDS).toString());
    }
    List<Link> links = new ArrayList<>();
    List<String> leftOff = new ArrayList<>();
    for (Template template : templates) {
      List<String> missing = PLACEHOLDERS.stream()
          .filter(p -> template.text().contains("{{" + p + "}}") && values.get(p) == null).toList();
      if (!missing.isEmpty()) {
        leftOff.add("link " + template.name() + " left off the card of " + t.describe() + ": no value for "
            + String.join(", ", missing));
        continue;
      }
      String url = render(template.text(), values::get);
      if (url.length() > MAX_URL) {
        leftOff.add("link " + template.name() + " left off the card of " + t.describe() + ": " + url.length()
            + " characters after rendering, over Slack's " + MAX_URL);
        continue;
      }
      links.add(new Link(template.name(), url));
    }
    return new Rendered(List.copyOf(links), List.copyOf(leftOff));
  }

  /** The template with each placeholder replaced by its value, percent-encoded. */
  private static String render(String template, java.util.function.Function<String, String> values) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    int open;
    while ((open = template.indexOf("{{", at)) >= 0) {
      int close = template.indexOf("}}", open + 2);
      out.append(template, at, open).append(encode(values.apply(template.substring(open + 2, close))));
      at = close + 2;
    }
    return out.append(template.substring(at)).toString();
  }

  /** RFC 3986 percent-encoding of everything but the unreserved characters. */
  static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
