package io.pdmgitops.reconcilers.pve;

import io.pdmgitops.reconcilers.api.Upid;
import java.util.Optional;

/**
 * One entry of a node's task list; {@code status} is RUNNING or the exit text when finished.
 *
 * @param starttime epoch seconds; when the entry leaves it out, the UPID's (PVE derives it from the
 *     UPID too), never 0: matching an action to its task compares start times
 */
public record TaskSummary(
    String upid,
    String node,
    String type,
    Optional<String> id,
    String user,
    Optional<String> tokenid,
    long starttime,
    Optional<Long> endtime,
    Optional<String> status) {
  public TaskSummary {
    starttime = Upid.starttimeOr(upid, starttime);
  }

  public boolean isRunning() {
    return endtime.isEmpty();
  }
}
