package io.pdmgitops.reconcilers.pbs;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.pdmgitops.reconcilers.api.Upid;
import java.util.Optional;

/**
 * One entry of a PBS task list: snake_case {@code worker_type}, unlike PVE's {@code type}.
 *
 * @param starttime epoch seconds; when the entry leaves it out, the UPID's, never 0
 */
public record PbsTask(
    String upid,
    String node,
    long starttime,
    @JsonProperty("worker_type") String workerType,
    @JsonProperty("worker_id") Optional<String> workerId,
    String user,
    Optional<Long> endtime,
    Optional<String> status) {
  public PbsTask {
    starttime = Upid.starttimeOr(upid, starttime);
  }

  public boolean isRunning() {
    return endtime.isEmpty();
  }
}
