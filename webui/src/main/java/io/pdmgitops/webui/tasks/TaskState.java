package io.pdmgitops.webui.tasks;

import java.util.Locale;
import java.util.Optional;

/** Where a task is: running, or ended OK, with warnings, or failed (PVE's and PBS's exit text). */
public enum TaskState {
  RUNNING,
  OK,
  WARNING,
  FAILED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * From a task list entry: no end time means running; "OK" is success; "WARNINGS: n" is a success
   * with warnings; any other exit text is the error.
   */
  public static TaskState of(boolean running, Optional<String> exitStatus) {
    if (running) {
      return RUNNING;
    }
    String status = exitStatus.orElse("");
    if (status.equals("OK")) {
      return OK;
    }
    return status.startsWith("WARNINGS") ? WARNING : FAILED;
  }
}
