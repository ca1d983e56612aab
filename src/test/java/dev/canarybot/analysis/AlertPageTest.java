package dev.canarybot.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarybot.analysis.Episode.Signal;
import dev.canarybot.release.CardRef;
import org.junit.jupiter.api.Test;

class AlertPageTest {
  static final CardRef PAGE = new CardRef("C1", "1700000000.000100");

  @Test
  void anOpeningEpisodePostsItsPageAndCallsPeople() {
    assertThat(AlertPage.plan(Signal.OPENED, null, false)).isEqualTo(new AlertPage(null, true));
    assertThat(AlertPage.plan(Signal.OPENED, null, false).posts()).isTrue();
  }

  @Test
  void anOpeningEpisodeNeverEditsAnOlderEpisodesPage() {
    assertThat(AlertPage.plan(Signal.OPENED, PAGE, false)).isEqualTo(new AlertPage(null, true));
  }

  @Test
  void anEscalationThatTheBotRollsBackEditsThePageQuietly() {
    AlertPage plan = AlertPage.plan(Signal.WORSENED, PAGE, false);
    assertThat(plan).isEqualTo(new AlertPage(PAGE, false));
    assertThat(plan.posts()).isFalse();
  }

  @Test
  void anEscalationNobodyRollsBackCallsPeopleAgainOnTheSamePage() {
    assertThat(AlertPage.plan(Signal.WORSENED, PAGE, true)).isEqualTo(new AlertPage(PAGE, true));
  }

  @Test
  void aFailedRollbackLaterInTheEpisodeCallsPeopleOnTheSamePage() {
    assertThat(AlertPage.plan(Signal.NONE, PAGE, true)).isEqualTo(new AlertPage(PAGE, true));
  }

  @Test
  void anEpisodeWhosePageWasNeverRememberedPostsOneWithTheMention() {
    // e.g. opened by a version that kept its pages in memory only, then a restart
    assertThat(AlertPage.plan(Signal.WORSENED, null, false)).isEqualTo(new AlertPage(null, true));
  }
}
