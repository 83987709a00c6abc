package io.pdmgitops.controller.health;

import io.pdmgitops.model.health.Finding;
import io.pdmgitops.webui.health.OverviewRow;
import java.time.Instant;
import java.util.List;

/**
 * One overview of fleet health: its reads of the remotes, the findings its rules draw from a
 * remote's answer, and the rows its page shows.
 *
 * @param columns the rows' field names, in order
 */
public record HealthOverview<T>(
    OverviewReads<T> reads,
    String title,
    List<String> columns,
    Findings<T> findings,
    Rows<T> rows) {
  public HealthOverview {
    columns = List.copyOf(columns);
  }

  /** The findings of one remote's answer. */
  @FunctionalInterface
  public interface Findings<T> {
    List<Finding> of(String remote, T answer, Instant now);
  }

  /** The rows of one remote's answer. */
  @FunctionalInterface
  public interface Rows<T> {
    List<OverviewRow> of(String remote, T answer);
  }

  public String name() {
    return reads.name();
  }
}
