package io.pdmgitops.webui.health;

import io.pdmgitops.model.health.Finding;
import io.pdmgitops.model.health.Severity;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The findings, most urgent first, and what each overview read of each remote, so a page can say
 * how old its data is and which remote did not answer.
 */
public record HealthReport(List<Finding> findings, List<Source> sources) {
  public HealthReport {
    findings = List.copyOf(findings);
    sources = List.copyOf(sources);
  }

  /**
   * One overview's data of one remote.
   *
   * @param readAt when the answer shown was read; empty before the first answer
   * @param error why the latest try failed: the answer shown is then stale
   * @param interval how often it is read, ISO-8601
   */
  public record Source(
      String overview,
      String remote,
      Optional<String> readAt,
      Optional<String> error,
      String interval) {}

  /** Only what the predicate lets through, sources by their remote. */
  public HealthReport filter(Predicate<Finding> finding, Predicate<String> remote) {
    return new HealthReport(
        findings.stream().filter(finding).toList(),
        sources.stream().filter(s -> remote.test(s.remote())).toList());
  }

  /** Findings per severity, every severity present (zero counts too), for dashboards. */
  public Map<Severity, Long> counts() {
    Map<Severity, Long> out = new EnumMap<>(Severity.class);
    Arrays.stream(Severity.values()).forEach(s -> out.put(s, 0L));
    findings.forEach(f -> out.merge(f.severity(), 1L, Long::sum));
    return out;
  }
}
