package io.pdmgitops.webui.tasks;

import java.util.List;

/**
 * The fleet's recent tasks, newest first, as collected at one moment.
 *
 * @param collectedAt ISO-8601 instant of the collection
 * @param failures remotes whose task list could not be read, with why
 */
public record TaskList(String collectedAt, List<TaskRow> tasks, List<Failure> failures) {
  public TaskList {
    tasks = List.copyOf(tasks);
    failures = List.copyOf(failures);
  }

  public static TaskList empty(String at) {
    return new TaskList(at, List.of(), List.of());
  }

  /** A remote that did not give its tasks. */
  public record Failure(String remote, String message) {}
}
