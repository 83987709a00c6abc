package io.pdmgitops.webui.tasks;

import java.util.List;

/**
 * What GET /api/v1/tasks answers: the tasks that match, newest first and bounded by the limit.
 *
 * @param total how many matched before the limit
 */
public record TaskPage(
    String collectedAt, int total, List<TaskRow> tasks, List<TaskList.Failure> failures) {
  public TaskPage {
    tasks = List.copyOf(tasks);
    failures = List.copyOf(failures);
  }
}
