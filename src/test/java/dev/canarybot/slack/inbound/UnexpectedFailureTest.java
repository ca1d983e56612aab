package dev.canarybot.slack.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.testing.LogCapture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the chat sees of a failure nobody foresaw: a reference, never the exception's text. */
class UnexpectedFailureTest {
  static final String INTERNALS = "https://10.96.0.1:443/apis/networking.istio.io/v1beta1: "
      + "User \"system:serviceaccount:canary-bot:canary-bot\" cannot patch resource";

  @Test
  void theAnswerCarriesAReferenceAndTheLogCarriesTheDetail() {
    try (LogCapture log = LogCapture.of(UnexpectedFailure.class.getName())) {
      String answer = UnexpectedFailure.answer("that click", new IllegalStateException(INTERNALS));

      assertThat(answer).doesNotContain("10.96.0.1", "serviceaccount", "IllegalStateException")
          .contains("could not finish that click");
      Matcher ref = Pattern.compile("ref `([0-9a-f]+)`").matcher(answer);
      assertThat(ref.find()).as("a reference in " + answer).isTrue();
      assertThat(log.lines()).singleElement().satisfies(line -> {
        assertThat(line.level()).isEqualTo("ERROR");
        assertThat(line.text()).contains("ref " + ref.group(1));
        assertThat(line.thrown()).hasMessage(INTERNALS);
      });
    }
  }
}
