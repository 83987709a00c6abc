package io.pdmgitops.webui.tasks;

import io.pdmgitops.webui.fleet.BadQueryException;
import io.pdmgitops.webui.fleet.QueryNumbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Filters of the task list: {@code remote}, {@code state} (running, ok, warning, failed, or {@code
 * problem} for warning and failed), {@code type} (a prefix: {@code qm} matches qmstart and
 * qmshutdown), {@code id} (the object worked on: a vmid, a datastore), {@code mine} (only the
 * controller's own), and {@code limit}.
 */
public record TaskQuery(
    Optional<String> remote,
    Optional<String> state,
    Optional<String> type,
    Optional<String> id,
    boolean mine,
    int limit) {
  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1_000;

  public static TaskQuery from(Function<String, Optional<String>> parameter) {
    Optional<String> state =
        nonBlank(parameter.apply("state")).map(s -> s.toLowerCase(Locale.ROOT));
    if (state.isPresent()
        && !state.get().equals("problem")
        && Arrays.stream(TaskState.values()).noneMatch(s -> s.wire().equals(state.get()))) {
      throw new BadQueryException(
          "state",
          "state must be one of "
              + Arrays.stream(TaskState.values())
                  .map(TaskState::wire)
                  .collect(Collectors.joining(", "))
              + " or problem, not '"
              + state.get()
              + "'");
    }
    Optional<String> mine = nonBlank(parameter.apply("mine"));
    if (mine.isPresent() && !mine.get().equals("true") && !mine.get().equals("false")) {
      throw new BadQueryException("mine", "mine is true or false, not '" + mine.get() + "'");
    }
    return new TaskQuery(
        nonBlank(parameter.apply("remote")),
        state,
        nonBlank(parameter.apply("type")),
        nonBlank(parameter.apply("id")),
        mine.map(Boolean::parseBoolean).orElse(false),
        QueryNumbers.wholeNumber("limit", parameter.apply("limit"), DEFAULT_LIMIT, 1, MAX_LIMIT));
  }

  public boolean matches(TaskRow task) {
    return remote.map(r -> r.equals(task.remote())).orElse(true)
        && state.map(s -> stateMatches(s, task.state())).orElse(true)
        && type.map(t -> task.type().startsWith(t)).orElse(true)
        && id.map(i -> task.id().map(i::equals).orElse(false)).orElse(true)
        && (!mine || task.commit().isPresent());
  }

  /** The matching tasks, newest first, at most {@code limit}, and how many matched in all. */
  public TaskPage run(TaskList list) {
    List<TaskRow> shown = new ArrayList<>();
    int total = 0;
    for (TaskRow task : list.tasks()) {
      if (matches(task)) {
        total++;
        if (shown.size() < limit) {
          shown.add(task);
        }
      }
    }
    return new TaskPage(list.collectedAt(), total, shown, list.failures());
  }

  private static boolean stateMatches(String wanted, TaskState state) {
    return wanted.equals("problem")
        ? state == TaskState.WARNING || state == TaskState.FAILED
        : state.wire().equals(wanted);
  }

  private static Optional<String> nonBlank(Optional<String> raw) {
    return raw.map(String::strip).filter(s -> !s.isEmpty());
  }
}
