package io.pdmgitops.webui.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the pages spell times and states. */
class FormatTest {
  final Format fmt = new Format();

  @Test
  void anInstantIsShownToTheSecondInUtc() {
    assertThat(fmt.time("2026-12-01T09:30:04.386451400Z")).isEqualTo("2026-12-01 09:30:04");
    assertThat(fmt.time("2026-12-01T09:30:00Z")).isEqualTo("2026-12-01 09:30:00");
  }

  @Test
  void anythingElseIsShownAsItIs() {
    assertThat(fmt.time("on schedule")).isEqualTo("on schedule");
    assertThat(fmt.time("")).isEmpty();
    assertThat(fmt.time(null)).isEmpty();
  }

  @Test
  void statesAreSpelledAsArgoCdUsersReadThem() {
    assertThat(fmt.word("OUT_OF_SYNC")).isEqualTo("OutOfSync");
    assertThat(fmt.word("HEALTHY")).isEqualTo("Healthy");
  }
}
