package io.pdmgitops.reconcilers.pbs;

import static io.pdmgitops.reconcilers.api.ProxmoxTransport.segment;

import io.pdmgitops.reconcilers.api.ApiEnvelope;
import io.pdmgitops.reconcilers.api.ProxmoxTransport;
import io.pdmgitops.reconcilers.api.TaskLog;
import io.pdmgitops.reconcilers.api.TaskStatus;
import io.pdmgitops.reconcilers.api.Upid;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/** {@link PbsClient} over {@link ProxmoxTransport}. */
public final class WebPbsClient implements PbsClient {
  private static final String NODE = "/nodes/localhost";

  private final ProxmoxTransport transport;

  public WebPbsClient(ProxmoxTransport transport) {
    this.transport = transport;
  }

  @Override
  public Mono<PbsVersion> version() {
    return get("/version").map(e -> one(e, PbsVersion.class));
  }

  @Override
  public Mono<List<Datastore>> datastores() {
    return get("/admin/datastore").map(e -> list(e, Datastore.class));
  }

  @Override
  public Mono<List<DatastoreUsage>> datastoreUsage() {
    return get("/status/datastore-usage").map(e -> list(e, DatastoreUsage.class));
  }

  @Override
  public Mono<PbsNodeStatus> nodeStatus() {
    return get(NODE + "/status").map(e -> one(e, PbsNodeStatus.class));
  }

  @Override
  public Mono<List<PbsTask>> tasks(int limit) {
    return transport
        .get(NODE + "/tasks", Map.of("limit", String.valueOf(limit)))
        .map(e -> list(e, PbsTask.class));
  }

  @Override
  public Mono<TaskStatus> taskStatus(Upid upid) {
    return get(NODE + "/tasks/" + segment(upid.text()) + "/status")
        .map(e -> one(e, TaskStatus.class));
  }

  @Override
  public Mono<Void> stopTask(Upid upid) {
    return transport.delete(NODE + "/tasks/" + segment(upid.text())).then();
  }

  @Override
  public Mono<TaskLog> taskLog(Upid upid, int start, int limit) {
    return transport
        .get(
            NODE + "/tasks/" + segment(upid.text()) + "/log",
            Map.of("start", String.valueOf(start), "limit", String.valueOf(limit)))
        .map(e -> new TaskLog(list(e, TaskLog.Line.class), e.total().orElse(e.data().size())));
  }

  @Override
  public Mono<List<BackupGroup>> groups(String store) {
    return get("/admin/datastore/" + segment(store) + "/groups")
        .map(e -> list(e, BackupGroup.class));
  }

  @Override
  public Mono<List<BackupSnapshot>> snapshots(String store) {
    return get("/admin/datastore/" + segment(store) + "/snapshots")
        .map(e -> list(e, BackupSnapshot.class));
  }

  @Override
  public Mono<List<BackupSnapshot>> snapshots(String store, String namespace) {
    if (namespace.isEmpty()) {
      return snapshots(store);
    }
    return transport
        .get("/admin/datastore/" + segment(store) + "/snapshots", Map.of("ns", namespace))
        .map(e -> list(e, BackupSnapshot.class));
  }

  /** One namespace of the listing. */
  private record Namespace(String ns) {}

  @Override
  public Mono<List<String>> namespaces(String store) {
    return get("/admin/datastore/" + segment(store) + "/namespace")
        .map(e -> list(e, Namespace.class).stream().map(Namespace::ns).toList());
  }

  @Override
  public Mono<List<PbsJobStatus>> gcJobs() {
    return get("/admin/gc").map(e -> list(e, PbsJobStatus.class));
  }

  @Override
  public Mono<List<PbsJobStatus>> verifyJobs() {
    return get("/admin/verify").map(e -> list(e, PbsJobStatus.class));
  }

  @Override
  public Mono<List<PbsJobStatus>> pruneJobs() {
    return get("/admin/prune").map(e -> list(e, PbsJobStatus.class));
  }

  private Mono<ApiEnvelope> get(String path) {
    return transport.get(path, Map.of());
  }

  private static <T> T one(ApiEnvelope envelope, Class<T> type) {
    return envelope.one(type);
  }

  private static <T> List<T> list(ApiEnvelope envelope, Class<T> type) {
    return envelope.list(type);
  }
}
