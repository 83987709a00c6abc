package io.pdmgitops.reconcilers.pbs;

import io.pdmgitops.reconcilers.api.TaskLog;
import io.pdmgitops.reconcilers.api.TaskStatus;
import io.pdmgitops.reconcilers.api.Upid;
import java.util.List;
import reactor.core.publisher.Mono;

/** The Proxmox Backup Server API as the controller uses it; PBS's node is always localhost. */
public interface PbsClient {
  /** {@code GET /version}. */
  Mono<PbsVersion> version();

  /** {@code GET /admin/datastore}. */
  Mono<List<Datastore>> datastores();

  /** {@code GET /status/datastore-usage}: every store's size and use in one call. */
  Mono<List<DatastoreUsage>> datastoreUsage();

  /** {@code GET /nodes/localhost/status}. */
  Mono<PbsNodeStatus> nodeStatus();

  /** {@code GET /nodes/localhost/tasks}. */
  Mono<List<PbsTask>> tasks(int limit);

  /** {@code GET /nodes/localhost/tasks/{upid}/status}. */
  Mono<TaskStatus> taskStatus(Upid upid);

  /**
   * {@code DELETE /nodes/localhost/tasks/{upid}}: stops a running task. PBS allows it to the task's
   * owner, and to others with Sys.Modify on {@code /system/tasks}.
   */
  Mono<Void> stopTask(Upid upid);

  /** {@code GET /nodes/localhost/tasks/{upid}/log}. */
  Mono<TaskLog> taskLog(Upid upid, int start, int limit);

  /** {@code GET /admin/datastore/{store}/groups}. */
  Mono<List<BackupGroup>> groups(String store);

  /** {@code GET /admin/datastore/{store}/snapshots}. */
  Mono<List<BackupSnapshot>> snapshots(String store);

  /**
   * {@code GET /admin/datastore/{store}/snapshots?ns=...}: one namespace's snapshots (the listing
   * is not recursive); the empty namespace is the root.
   */
  Mono<List<BackupSnapshot>> snapshots(String store, String namespace);

  /**
   * {@code GET /admin/datastore/{store}/namespace}: every namespace, the root ({@code ""}) first.
   */
  Mono<List<String>> namespaces(String store);

  /** {@code GET /admin/gc}: each store's garbage collection and how its last run ended. */
  Mono<List<PbsJobStatus>> gcJobs();

  /** {@code GET /admin/verify}: the verify jobs and how their last runs ended. */
  Mono<List<PbsJobStatus>> verifyJobs();

  /** {@code GET /admin/prune}: the prune jobs and how their last runs ended. */
  Mono<List<PbsJobStatus>> pruneJobs();
}
