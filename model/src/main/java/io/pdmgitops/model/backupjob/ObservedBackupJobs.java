package io.pdmgitops.model.backupjob;

import io.pdmgitops.model.observed.ObservedPart;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The backup jobs one PVE cluster reports ({@code GET /cluster/backup}), values as PVE wrote them.
 */
public record ObservedBackupJobs(List<Job> jobs) implements ObservedPart {
  public ObservedBackupJobs {
    jobs = List.copyOf(jobs);
  }

  public Optional<Job> job(String id) {
    return jobs.stream().filter(j -> j.id().equals(id)).findFirst();
  }

  /**
   * One job: its id and its parameters, each value as text (numbers and booleans as PVE sends them,
   * {@code 1} for true).
   */
  public record Job(String id, Map<String, String> parameters) {
    public Job {
      Objects.requireNonNull(id, "id");
      parameters = Map.copyOf(parameters);
    }
  }
}
