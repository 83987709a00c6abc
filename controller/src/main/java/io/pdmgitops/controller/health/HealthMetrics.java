package io.pdmgitops.controller.health;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pdmgitops.model.health.Severity;
import io.pdmgitops.webui.health.HealthReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The health overviews on /metrics: findings per severity ({@code pdm_health_findings}), per
 * overview the remotes whose last read failed ({@code pdm_health_sources_stale}), the oldest answer
 * shown ({@code pdm_health_oldest_answer_seconds}) and reads by outcome ({@code
 * pdm_health_reads_total}). A scrape draws the findings once, not once per gauge.
 */
public final class HealthMetrics {
  /** A report drawn for a scrape serves the others within this time. */
  static final Duration REPORT_REUSE = Duration.ofSeconds(5);

  private record Drawn(Instant at, Map<Severity, Long> counts) {}

  private final HealthAdapter health;
  private final Clock clock;
  private final AtomicReference<Drawn> drawn = new AtomicReference<>();

  public HealthMetrics(
      MeterRegistry registry,
      HealthAdapter health,
      List<HealthOverview<?>> overviews,
      Clock clock) {
    this.health = health;
    this.clock = clock;
    for (Severity severity : Severity.values()) {
      Gauge.builder("pdm_health_findings", this, m -> m.count(severity))
          .tag("severity", severity.label())
          .description("Health findings by severity, as on the Health page")
          .register(registry);
    }
    for (HealthOverview<?> o : overviews) {
      OverviewReads<?> reads = o.reads();
      Gauge.builder(
              "pdm_health_sources_stale",
              reads,
              r -> r.reads().values().stream().filter(x -> x.error().isPresent()).count())
          .tag("overview", o.name())
          .description("Remotes whose last read by this overview failed (their answer is stale)")
          .register(registry);
      Gauge.builder("pdm_health_oldest_answer_seconds", reads, this::oldest)
          .tag("overview", o.name())
          .description("Age of the oldest answer this overview shows")
          .register(registry);
      FunctionCounter.builder("pdm_health_reads", reads, OverviewReads::answered)
          .tag("overview", o.name())
          .tag("outcome", "answered")
          .description("Reads of a remote by this overview, by outcome")
          .register(registry);
      FunctionCounter.builder("pdm_health_reads", reads, OverviewReads::failed)
          .tag("overview", o.name())
          .tag("outcome", "failed")
          .description("Reads of a remote by this overview, by outcome")
          .register(registry);
    }
  }

  private double count(Severity severity) {
    Instant now = clock.instant();
    Drawn d = drawn.get();
    if (d == null || d.at().plus(REPORT_REUSE).isBefore(now)) {
      HealthReport report = health.report();
      d = new Drawn(now, report.counts());
      drawn.set(d);
    }
    return d.counts().getOrDefault(severity, 0L);
  }

  private double oldest(OverviewReads<?> reads) {
    Instant now = clock.instant();
    return reads.reads().values().stream()
        .flatMap(r -> r.readAt().stream())
        .mapToDouble(at -> Duration.between(at, now).toSeconds())
        .max()
        .orElse(0);
  }
}
