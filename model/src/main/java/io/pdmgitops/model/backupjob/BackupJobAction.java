package io.pdmgitops.model.backupjob;

import io.pdmgitops.model.plan.ActionType;
import java.time.Duration;

/**
 * What the controller does to a backup job. Each is one synchronous call (PVE writes {@code
 * jobs.cfg} and answers; no task runs), so the budget only covers a slow answer.
 */
public enum BackupJobAction implements ActionType {
  CREATE,
  UPDATE,
  /** Only for a job no document declares, on a remote that opts in to pruning them. */
  DELETE;

  @Override
  public Duration budget() {
    return Duration.ofMinutes(2);
  }
}
