package io.pdmgitops.reconcilers.pve;

import java.util.Optional;

/** One entry of a node's task list; {@code status} is RUNNING or the exit text when finished. */
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

  public boolean isRunning() {
    return endtime.isEmpty();
  }
}
