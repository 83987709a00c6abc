package io.pdmgitops.reconcilers.api;

import java.util.List;

/** Lines of a task log and the total line count, for paging. */
public record TaskLog(List<Line> lines, long total) {
  public TaskLog {
    lines = List.copyOf(lines);
  }

  /** One numbered line. */
  public record Line(int n, String t) {}
}
