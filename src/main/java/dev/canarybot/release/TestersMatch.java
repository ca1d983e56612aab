package dev.canarybot.release;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The request header that sends a tester to the canary at any weight: {@code x-canary=always}
 * (an exact value) or {@code x-canary~^(alice|bob)$} (a regular expression). Both parts reach
 * the VirtualService and the card, so they are checked here, before anything is stored.
 */
public record TestersMatch(String header, Kind kind, String value) {

  /** How the header's value is compared, with the Istio field it becomes. */
  public enum Kind {
    EXACT("=", "exact"),
    REGEX("~", "regex");

    private final String separator;
    private final String istioField;

    Kind(String separator, String istioField) {
      this.separator = separator;
      this.istioField = istioField;
    }

    public String separator() {
      return separator;
    }

    /** The key of Istio's StringMatch: {@code exact} or {@code regex}. */
    public String istioField() {
      return istioField;
    }
  }

  /** The form people type, for usage lines and refusals. */
  public static final String FORM = "<header>=<value> (exact) or <header>~<regex>, e.g. x-canary=always";
  public static final int MAX_VALUE = 128;

  /**
   * RFC 9110 token characters, lowercase as HTTP/2 and Istio want them; without '~' (it
   * separates a regex) and the quotes that would break the card's shell line.
   */
  private static final Pattern HEADER = Pattern.compile("[a-z0-9!#$%&*+.^_|-]{1,64}");
  /** Visible ASCII without quotes and backslash: the value is shown in a shell line on the card. */
  private static final Pattern VALUE = Pattern.compile("[\\x21-\\x7e&&[^'\"\\\\`]]{1," + MAX_VALUE + "}");
  /** Istio ignores these keys in a header match: a tester condition on them would match everyone. */
  private static final Set<String> RESERVED = Set.of("uri", "scheme", "method", "authority");

  public TestersMatch {
    Optional<String> problem = problem(header, kind, value);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
  }

  /** @throws IllegalArgumentException saying what is wrong and the right form */
  public static TestersMatch parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("no header condition given; expected " + FORM);
    }
    int eq = text.indexOf('=');
    int tilde = text.indexOf('~');
    int at = eq < 0 ? tilde : tilde < 0 ? eq : Math.min(eq, tilde);
    if (at < 0) {
      throw new IllegalArgumentException("\"" + shown(text) + "\" has no '=' or '~'; expected " + FORM);
    }
    Kind kind = text.charAt(at) == '=' ? Kind.EXACT : Kind.REGEX;
    return new TestersMatch(text.substring(0, at), kind, text.substring(at + 1));
  }

  private static Optional<String> problem(String header, Kind kind, String value) {
    if (kind == null) {
      return Optional.of("no match kind; expected " + FORM);
    }
    if (header == null || !HEADER.matcher(header).matches()) {
      return Optional.of("header name \"" + shown(header) + "\" is not a lowercase HTTP header name "
          + "(at most 64 of a-z, 0-9 and !#$%&*+.^_|-); expected " + FORM);
    }
    if (header.startsWith(":") || RESERVED.contains(header)) {
      return Optional.of("header name " + header + " is reserved by Istio's match; pick another, e.g. x-canary");
    }
    if (value == null || !VALUE.matcher(value).matches()) {
      return Optional.of("the value of " + header + " must be 1 to " + MAX_VALUE
          + " visible characters without quotes, backslash or spaces; expected " + FORM);
    }
    if (kind == Kind.REGEX) {
      try {
        Pattern.compile(value);
      } catch (PatternSyntaxException e) {
        return Optional.of("the regex of " + header + " does not compile: " + e.getDescription()
            + "; expected " + FORM);
      }
    }
    return Optional.empty();
  }

  /** "x-canary=always": the stored and typed form. */
  public String describe() {
    return header + kind.separator() + value;
  }

  /** The curl option a tester adds, as a shell word; a regex shows what it must match. */
  public String curlHeader() {
    return kind == Kind.EXACT
        ? "-H '" + header + ": " + value + "'"
        : "-H '" + header + ": <a value matching " + value + ">'";
  }

  private static String shown(String text) {
    if (text == null) {
      return "";
    }
    String clean = text.replaceAll("[^\\x20-\\x7e]", "?").replace('"', '\'');
    return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
  }
}
