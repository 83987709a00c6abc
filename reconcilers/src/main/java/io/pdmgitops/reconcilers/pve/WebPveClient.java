package io.pdmgitops.reconcilers.pve;

import static io.pdmgitops.reconcilers.api.ProxmoxTransport.segment;

import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.reconcilers.api.ApiEnvelope;
import io.pdmgitops.reconcilers.api.LenientJson;
import io.pdmgitops.reconcilers.api.ProxmoxTransport;
import io.pdmgitops.reconcilers.api.ServerErrorException;
import io.pdmgitops.reconcilers.api.TaskLog;
import io.pdmgitops.reconcilers.api.TaskStatus;
import io.pdmgitops.reconcilers.api.Upid;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@link PveClient} over {@link ProxmoxTransport}. */
public final class WebPveClient implements PveClient {
  private final ProxmoxTransport transport;

  public WebPveClient(ProxmoxTransport transport) {
    this.transport = transport;
  }

  @Override
  public Mono<PveVersion> version() {
    return get("/version").map(e -> one(e, PveVersion.class));
  }

  @Override
  public Mono<List<ClusterMember>> clusterStatus() {
    return get("/cluster/status").map(e -> list(e, ClusterMember.class));
  }

  @Override
  public Mono<ClusterInventory> clusterInventory() {
    return get("/cluster/resources")
        // Reading thousands of rows takes milliseconds: off the event loop, which meanwhile
        // keeps reading the other remotes' answers.
        .publishOn(Schedulers.parallel())
        .map(
            e -> {
              ClusterInventory inventory = one(e, ClusterInventory.class);
              return inventory == null ? ClusterInventory.EMPTY : inventory;
            });
  }

  @Override
  public Mono<List<PveNode>> nodes() {
    return get("/nodes").map(e -> list(e, PveNode.class));
  }

  @Override
  public Mono<NodeStatus> nodeStatus(String node) {
    return get("/nodes/" + segment(node) + "/status").map(e -> one(e, NodeStatus.class));
  }

  @Override
  public Mono<List<GuestSummary>> guests(String node, GuestType type) {
    return get("/nodes/" + segment(node) + "/" + type.wire()).map(e -> list(e, GuestSummary.class));
  }

  @Override
  public Mono<List<GuestSummary>> vmsWithQmpStatus(String node) {
    return transport
        .get("/nodes/" + segment(node) + "/qemu", Map.of("full", "1"))
        .map(e -> list(e, GuestSummary.class));
  }

  @Override
  public Mono<GuestSummary> guestStatus(String node, GuestType type, int vmid) {
    return get(guestPath(node, type, vmid) + "/status/current")
        .map(
            e -> {
              // The status is of the guest in the path: its vmid is known even if left out.
              JsonNode data = e.data();
              if (data instanceof ObjectNode o && !o.hasNonNull("vmid")) {
                o.put("vmid", vmid);
              }
              return read(data, GuestSummary.class);
            });
  }

  @Override
  public Mono<Upid> power(String node, GuestType type, int vmid, PowerAction action) {
    return transport
        .post(guestPath(node, type, vmid) + "/status/" + action.wire(), Map.of())
        .map(e -> upid(e.data()));
  }

  @Override
  public Mono<List<TaskSummary>> tasks(String node, TaskSource source, int limit) {
    return transport
        .get(
            "/nodes/" + segment(node) + "/tasks",
            Map.of("source", source.wire(), "limit", String.valueOf(limit)))
        .map(e -> list(e, TaskSummary.class));
  }

  @Override
  public Mono<TaskStatus> taskStatus(Upid upid) {
    return get(taskPath(upid) + "/status").map(e -> one(e, TaskStatus.class));
  }

  @Override
  public Mono<Void> stopTask(Upid upid) {
    return transport.delete(taskPath(upid)).then();
  }

  @Override
  public Mono<TaskLog> taskLog(Upid upid, int start, int limit) {
    return transport
        .get(
            taskPath(upid) + "/log",
            Map.of("start", String.valueOf(start), "limit", String.valueOf(limit)))
        .map(e -> new TaskLog(list(e, TaskLog.Line.class), e.total().orElse(e.data().size())));
  }

  @Override
  public Mono<List<RrdPoint>> nodeRrd(String node, Timeframe timeframe) {
    return rrd("/nodes/" + segment(node) + "/rrddata", timeframe);
  }

  @Override
  public Mono<List<RrdPoint>> guestRrd(String node, GuestType type, int vmid, Timeframe timeframe) {
    return rrd(guestPath(node, type, vmid) + "/rrddata", timeframe);
  }

  @Override
  public Mono<List<RrdPoint>> storageRrd(String node, String storage, Timeframe timeframe) {
    return rrd("/nodes/" + segment(node) + "/storage/" + segment(storage) + "/rrddata", timeframe);
  }

  @Override
  public Mono<List<PackageUpdate>> pendingUpdates(String node) {
    return get("/nodes/" + segment(node) + "/apt/update").map(e -> list(e, PackageUpdate.class));
  }

  @Override
  public Mono<Upid> refreshUpdates(String node) {
    return transport
        .post("/nodes/" + segment(node) + "/apt/update", Map.of())
        .map(e -> upid(e.data()));
  }

  @Override
  public Mono<List<PackageVersion>> packageVersions(String node) {
    return get("/nodes/" + segment(node) + "/apt/versions").map(e -> list(e, PackageVersion.class));
  }

  @Override
  public Mono<String> changelog(String node, String packageName, String version) {
    return transport
        .get(
            "/nodes/" + segment(node) + "/apt/changelog",
            Map.of("name", packageName, "version", version))
        .map(e -> e.data().asString());
  }

  @Override
  public Mono<AptRepositories> repositories(String node) {
    return get("/nodes/" + segment(node) + "/apt/repositories")
        .map(e -> one(e, AptRepositories.class));
  }

  @Override
  public Mono<Subscription> subscription(String node) {
    return get("/nodes/" + segment(node) + "/subscription").map(e -> one(e, Subscription.class));
  }

  @Override
  public Mono<FirewallOptions> firewallOptions() {
    return get("/cluster/firewall/options").map(e -> one(e, FirewallOptions.class));
  }

  @Override
  public Mono<List<FirewallRule>> firewallRules() {
    return get("/cluster/firewall/rules").map(e -> list(e, FirewallRule.class));
  }

  @Override
  public Mono<List<HaStatusEntry>> haStatus() {
    return get("/cluster/ha/status/current").map(e -> list(e, HaStatusEntry.class));
  }

  @Override
  public Mono<List<SdnZone>> sdnZones() {
    return transport
        .get("/cluster/sdn/zones", Map.of("pending", "1"))
        .map(e -> list(e, SdnZone.class));
  }

  @Override
  public Mono<List<SdnVnet>> sdnVnets() {
    return transport
        .get("/cluster/sdn/vnets", Map.of("pending", "1"))
        .map(e -> list(e, SdnVnet.class));
  }

  @Override
  public Mono<List<SdnStatus>> sdnStatus() {
    return transport
        .get("/cluster/resources", Map.of("type", "sdn"))
        .map(e -> list(e, SdnStatus.class));
  }

  @Override
  public Mono<Upid> migrate(String node, int vmid, MigrationRequest request) {
    return transport
        .post(guestPath(node, request.type(), vmid) + "/migrate", request.form())
        .map(e -> upid(e.data()));
  }

  @Override
  public Mono<Upid> remoteMigrate(String node, int vmid, RemoteMigrationRequest request) {
    return transport
        .post(guestPath(node, request.type(), vmid) + "/remote_migrate", request.form())
        .map(e -> upid(e.data()));
  }

  private Mono<List<RrdPoint>> rrd(String path, Timeframe timeframe) {
    return transport
        .get(path, Map.of("timeframe", timeframe.wire()))
        .map(
            e -> {
              List<RrdPoint> points = new java.util.ArrayList<>();
              e.data().forEach(p -> points.add(RrdPoint.of(p)));
              return List.copyOf(points);
            });
  }

  private Mono<ApiEnvelope> get(String path) {
    return transport.get(path, Map.of());
  }

  private static String guestPath(String node, GuestType type, int vmid) {
    return "/nodes/" + segment(node) + "/" + type.wire() + "/" + vmid;
  }

  private static String taskPath(Upid upid) {
    return "/nodes/" + segment(upid.node()) + "/tasks/" + segment(upid.text());
  }

  private Upid upid(JsonNode data) {
    return Upid.parse(data.asString())
        .orElseThrow(
            () ->
                new ServerErrorException(
                    transport.remote().name(),
                    OptionalInt.of(200),
                    "expected a task id, got '" + data.asString() + "'"));
  }

  /** A tree read into a record; what cannot be read is a server error, as in ApiEnvelope. */
  private <T> T read(JsonNode data, Class<T> type) {
    try {
      return LenientJson.read(data, type);
    } catch (JacksonException e) {
      throw new ServerErrorException(
          transport.remote().name(),
          OptionalInt.of(200),
          "unreadable answer: " + e.getOriginalMessage());
    }
  }

  private static <T> T one(ApiEnvelope envelope, Class<T> type) {
    return envelope.one(type);
  }

  private static <T> List<T> list(ApiEnvelope envelope, Class<T> type) {
    return envelope.list(type);
  }
}
