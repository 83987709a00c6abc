package io.pdmgitops.webui.health;

import java.util.List;
import java.util.function.Predicate;

/**
 * What one overview shows: its rows across the remotes and where each remote's data stands.
 *
 * @param name the overview's id, as in {@code /health/updates}
 * @param title as the page heads it
 * @param columns the rows' field names, in order
 */
public record OverviewTable(
    String name,
    String title,
    List<String> columns,
    List<OverviewRow> rows,
    List<HealthReport.Source> sources) {
  public OverviewTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    sources = List.copyOf(sources);
  }

  /** Only the rows and sources the predicates let through. */
  public OverviewTable filter(Predicate<OverviewRow> row, Predicate<String> remote) {
    return new OverviewTable(
        name,
        title,
        columns,
        rows.stream().filter(row).toList(),
        sources.stream().filter(s -> remote.test(s.remote())).toList());
  }
}
