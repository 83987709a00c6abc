package io.pdmgitops.controller.health;

import io.pdmgitops.model.health.Finding;
import io.pdmgitops.webui.health.HealthPort;
import io.pdmgitops.webui.health.HealthReport;
import io.pdmgitops.webui.health.OverviewRow;
import io.pdmgitops.webui.health.OverviewTab;
import io.pdmgitops.webui.health.OverviewTable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The Health page's findings, drawn by each overview's rules from its last answers (a stale answer
 * still counts, and its source says so), most urgent first; and each overview's table.
 */
public final class HealthAdapter implements HealthPort {
  private static final Comparator<Finding> URGENT_FIRST =
      Comparator.comparing(Finding::severity)
          .thenComparing(Finding::remote)
          .thenComparing(f -> f.node().orElse(""))
          .thenComparing(Finding::rule)
          .thenComparing(Finding::why);

  private final List<HealthOverview<?>> overviews;
  private final List<Function<Instant, List<Finding>>> fleetRules;
  private final Clock clock;

  /**
   * @param fleetRules rules across overviews and Git (a declared guest's backups on any server)
   */
  public HealthAdapter(
      List<HealthOverview<?>> overviews,
      List<Function<Instant, List<Finding>>> fleetRules,
      Clock clock) {
    this.overviews = List.copyOf(overviews);
    this.fleetRules = List.copyOf(fleetRules);
    this.clock = clock;
  }

  @Override
  public HealthReport report() {
    Instant now = clock.instant();
    List<Finding> findings = new ArrayList<>();
    List<HealthReport.Source> sources = new ArrayList<>();
    for (HealthOverview<?> overview : overviews) {
      collect(overview, now, findings, sources);
    }
    fleetRules.forEach(rule -> findings.addAll(rule.apply(now)));
    findings.sort(URGENT_FIRST);
    return new HealthReport(findings, sources);
  }

  private static <T> void collect(
      HealthOverview<T> overview,
      Instant now,
      List<Finding> findings,
      List<HealthReport.Source> sources) {
    for (Map.Entry<String, OverviewReads.Read<T>> e : sorted(overview.reads())) {
      e.getValue()
          .value()
          .ifPresent(v -> findings.addAll(overview.findings().of(e.getKey(), v, now)));
    }
    sources.addAll(sources(overview));
  }

  @Override
  public List<OverviewTab> tabs() {
    return overviews.stream().map(o -> new OverviewTab(o.name(), o.title())).toList();
  }

  @Override
  public Optional<OverviewTable> table(String overview) {
    return overviews.stream()
        .filter(o -> o.name().equals(overview))
        .findFirst()
        .map(HealthAdapter::table);
  }

  private static <T> OverviewTable table(HealthOverview<T> overview) {
    List<OverviewRow> rows = new ArrayList<>();
    for (Map.Entry<String, OverviewReads.Read<T>> e : sorted(overview.reads())) {
      e.getValue().value().ifPresent(v -> rows.addAll(overview.rows().of(e.getKey(), v)));
    }
    return new OverviewTable(
        overview.name(), overview.title(), overview.columns(), rows, sources(overview));
  }

  /**
   * Each remote the overview reads, with where its data stands; one not tried yet shows as such
   * (and can be refreshed), not as missing.
   */
  private static List<HealthReport.Source> sources(HealthOverview<?> overview) {
    Map<String, OverviewReads.Read<?>> reads = new TreeMap<>(overview.reads().reads());
    overview.reads().remotes().forEach(r -> reads.putIfAbsent(r, null));
    List<HealthReport.Source> out = new ArrayList<>();
    reads.forEach((remote, read) -> out.add(source(overview, remote, read)));
    return out;
  }

  private static <T> Iterable<Map.Entry<String, OverviewReads.Read<T>>> sorted(
      OverviewReads<T> reads) {
    return new TreeMap<>(reads.reads()).entrySet();
  }

  private static HealthReport.Source source(
      HealthOverview<?> overview, String remote, OverviewReads.Read<?> read) {
    return new HealthReport.Source(
        overview.name(),
        remote,
        read == null ? Optional.empty() : read.readAt().map(Object::toString),
        read == null ? Optional.empty() : read.error(),
        overview.reads().interval().toString());
  }

  /** Every overview that reads the remote reads it again; true when any of them starts. */
  @Override
  public boolean refresh(String remote) {
    boolean any = false;
    for (HealthOverview<?> overview : overviews) {
      any |= overview.reads().refresh(remote);
    }
    return any;
  }
}
