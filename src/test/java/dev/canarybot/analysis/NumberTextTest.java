package dev.canarybot.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumberTextTest {
  @Test
  void countsHaveThousandsSeparators() {
    assertThat(NumberText.count(1900)).isEqualTo("1,900");
    assertThat(NumberText.count(2467.6)).isEqualTo("2,468");
  }

  @Test
  void percentagesKeepTwoDecimalsAtMost() {
    // 57 / 2468 = 0.0230956 -> 2.31 %
    assertThat(NumberText.percent(57.0 / 2468)).isEqualTo("2.31 %");
    assertThat(NumberText.percent(0.01)).isEqualTo("1 %");
    assertThat(NumberText.percent(0.001)).isEqualTo("0.1 %");
    assertThat(NumberText.percent(0)).isEqualTo("0 %");
  }

  @Test
  void sharesAreWholePercent() {
    assertThat(NumberText.share(0.18)).isEqualTo("18 %");
  }

  @Test
  void confidenceIsNeverRoundedUpToCertainty() {
    assertThat(NumberText.confidence(0.99)).isEqualTo("99 %");
    assertThat(NumberText.confidence(0.99999)).isEqualTo("99.9 %");
  }
}
