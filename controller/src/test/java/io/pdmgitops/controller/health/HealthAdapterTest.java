package io.pdmgitops.controller.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.health.Finding;
import io.pdmgitops.model.health.Severity;
import io.pdmgitops.webui.health.HealthReport;
import io.pdmgitops.webui.health.OverviewRow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The Health page's findings and sources across overviews and fleet rules. */
class HealthAdapterTest {
  final OverviewReadsTest.ManualClock clock = new OverviewReadsTest.ManualClock();

  final OverviewReads<String> reads =
      new OverviewReads<>(
          "test",
          Duration.ofHours(1),
          () -> OverviewReadsTest.remotes(3),
          remote -> Mono.just(remote.metadata().name()),
          clock);

  final HealthOverview<String> overview =
      new HealthOverview<>(
          reads,
          "Test",
          List.of("what"),
          (remote, answer, now) ->
              List.of(
                  new Finding(
                      "seen", Severity.INFO, remote, Optional.empty(), "read " + answer, "none")),
          (remote, answer) -> List.of(OverviewRow.ofRemote(remote, Map.of("what", answer))));

  final HealthAdapter health =
      new HealthAdapter(
          List.of(overview),
          List.<java.util.function.Function<java.time.Instant, List<Finding>>>of(
              now ->
                  List.of(
                      new Finding(
                          "fleet", Severity.CRITICAL, "r9", Optional.empty(), "across", "fix"))),
          clock);

  @Test
  void everyRemoteAnOverviewReadsIsASourceBeforeItsFirstAnswerSoItCanBeRefreshed() {
    reads.tick(); // the first round is spread: nobody is due at once

    HealthReport report = health.report();

    assertThat(report.sources())
        .extracting(HealthReport.Source::remote)
        .containsExactly("r0", "r1", "r2");
    assertThat(report.sources()).allSatisfy(s -> assertThat(s.readAt()).isEmpty());
    assertThat(report.findings()).extracting(Finding::rule).containsExactly("fleet");
    assertThat(health.refresh("r1")).isTrue();
    assertThat(health.refresh("nobody")).as("no overview reads it").isFalse();
  }

  @Test
  void answersBecomeFindingsAndRowsMostUrgentFirst() {
    clock.advance(Duration.ofMinutes(3));
    reads.tick();

    HealthReport report = health.report();

    assertThat(report.findings())
        .extracting(Finding::rule)
        .containsExactly("fleet", "seen", "seen", "seen");
    assertThat(report.sources()).allSatisfy(s -> assertThat(s.readAt()).isPresent());
    assertThat(health.table("test").orElseThrow().rows()).hasSize(3);
    assertThat(health.table("other")).isEmpty();
  }
}
