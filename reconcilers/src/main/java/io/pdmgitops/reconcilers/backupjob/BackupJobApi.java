package io.pdmgitops.reconcilers.backupjob;

import io.pdmgitops.model.backupjob.ObservedBackupJobs;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * One PVE cluster's backup jobs ({@code /cluster/backup}). Each call is synchronous on PVE's side
 * (it writes {@code jobs.cfg} and answers {@code null}); failures are {@link
 * io.pdmgitops.reconcilers.api.RemoteApiException}s as for every other call.
 */
public interface BackupJobApi {
  Mono<List<ObservedBackupJobs.Job>> list();

  Mono<Void> create(String id, Map<String, String> parameters);

  /**
   * @param delete parameters to remove from the job
   */
  Mono<Void> update(String id, Map<String, String> parameters, List<String> delete);

  Mono<Void> delete(String id);
}
