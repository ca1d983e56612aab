package dev.canarybot.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestersMatchTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "x-canary=always          ; x-canary  ; EXACT ; always",
      "x-user~^(alice|bob)$     ; x-user    ; REGEX ; ^(alice|bob)$",
      "x-canary=a=b             ; x-canary  ; EXACT ; a=b",
      "x-id=v~1                 ; x-id      ; EXACT ; v~1",
      "x.test_1=on              ; x.test_1  ; EXACT ; on"})
  void parsesTheTypedForm(String text, String header, TestersMatch.Kind kind, String value) {
    TestersMatch m = TestersMatch.parse(text);
    assertThat(m).isEqualTo(new TestersMatch(header, kind, value));
    assertThat(m.describe()).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "x-canary                 | has no '=' or '~'",
      "X-Canary=always          | not a lowercase HTTP header name",
      "x canary=always          | not a lowercase HTTP header name",
      "=always                  | not a lowercase HTTP header name",
      "x'h=v                    | not a lowercase HTTP header name",
      "uri=/admin               | reserved by Istio",
      "authority=x              | reserved by Istio",
      "x-canary=                | must be 1 to 128 visible characters",
      "x-canary=it's            | must be 1 to 128 visible characters",
      "x-canary=a\\b            | must be 1 to 128 visible characters",
      "x-canary~(unclosed       | does not compile"})
  void refusesWithWhatIsWrongAndTheRightForm(String text, String problem) {
    assertThatThrownBy(() -> TestersMatch.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(problem);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "x-canary=always | -H 'x-canary: always'",
      "x-user~^a.*     | -H 'x-user: <a value matching ^a.*>'"})
  void theCurlOption(String text, String curl) {
    assertThat(TestersMatch.parse(text).curlHeader()).isEqualTo(curl);
  }

  @org.junit.jupiter.api.Test
  void aLongValueIsRefused() {
    assertThatThrownBy(() -> TestersMatch.parse("x-canary=" + "a".repeat(129)))
        .hasMessageContaining("x-canary=always");
  }
}
