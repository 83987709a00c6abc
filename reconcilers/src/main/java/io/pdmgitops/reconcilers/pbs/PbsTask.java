package io.pdmgitops.reconcilers.pbs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/** One entry of a PBS task list: snake_case {@code worker_type}, unlike PVE's {@code type}. */
public record PbsTask(
    String upid,
    String node,
    long starttime,
    @JsonProperty("worker_type") String workerType,
    @JsonProperty("worker_id") Optional<String> workerId,
    String user,
    Optional<Long> endtime,
    Optional<String> status) {

  public boolean isRunning() {
    return endtime.isEmpty();
  }
}
