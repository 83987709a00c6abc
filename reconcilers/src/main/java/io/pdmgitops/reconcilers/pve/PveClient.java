package io.pdmgitops.reconcilers.pve;

import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.reconcilers.api.TaskLog;
import io.pdmgitops.reconcilers.api.TaskStatus;
import io.pdmgitops.reconcilers.api.Upid;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The Proxmox VE API as the controller uses it. Methods are named after the endpoints; failures
 * arrive as {@link io.pdmgitops.reconcilers.api.RemoteApiException} subtypes.
 */
public interface PveClient {
  /** {@code GET /version}. */
  Mono<PveVersion> version();

  /** {@code GET /cluster/status}. */
  Mono<List<ClusterMember>> clusterStatus();

  /**
   * {@code GET /cluster/resources} read straight into the inventory's nodes, guests and storages:
   * the same single call, for the poll of every remote.
   */
  Mono<ClusterInventory> clusterInventory();

  /** {@code GET /nodes}. */
  Mono<List<PveNode>> nodes();

  /** {@code GET /nodes/{node}/status}. */
  Mono<NodeStatus> nodeStatus(String node);

  /** {@code GET /nodes/{node}/qemu} or {@code .../lxc}. */
  Mono<List<GuestSummary>> guests(String node, GuestType type);

  /**
   * {@code GET /nodes/{node}/qemu?full=1}: the node's VMs with {@code qmpstatus}, the only way to
   * tell a paused VM from a running one in one call per node ({@code /cluster/resources} says
   * "running" for both).
   */
  Mono<List<GuestSummary>> vmsWithQmpStatus(String node);

  /**
   * {@code GET /nodes/{node}/{type}/{vmid}/status/current}; an answer without {@code vmid} is of
   * the guest in the path.
   */
  Mono<GuestSummary> guestStatus(String node, GuestType type, int vmid);

  /** {@code POST /nodes/{node}/{type}/{vmid}/status/{action}}: the task started. */
  Mono<Upid> power(String node, GuestType type, int vmid, PowerAction action);

  /** {@code GET /nodes/{node}/tasks}, newest first. */
  Mono<List<TaskSummary>> tasks(String node, TaskSource source, int limit);

  /** {@code GET /nodes/{node}/tasks/{upid}/status}, on the node the UPID names. */
  Mono<TaskStatus> taskStatus(Upid upid);

  /**
   * {@code DELETE /nodes/{node}/tasks/{upid}}: stops a running task (nothing for one that ended).
   * PVE allows it to the task's owner, and to others with Sys.Modify on {@code /nodes/{node}}.
   */
  Mono<Void> stopTask(Upid upid);

  /** {@code GET /nodes/{node}/tasks/{upid}/log}; limit 0 reads every line. */
  Mono<TaskLog> taskLog(Upid upid, int start, int limit);

  /** {@code GET /nodes/{node}/rrddata}. */
  Mono<List<RrdPoint>> nodeRrd(String node, Timeframe timeframe);

  /** {@code GET /nodes/{node}/{type}/{vmid}/rrddata}. */
  Mono<List<RrdPoint>> guestRrd(String node, GuestType type, int vmid, Timeframe timeframe);

  /** {@code GET /nodes/{node}/storage/{storage}/rrddata}. */
  Mono<List<RrdPoint>> storageRrd(String node, String storage, Timeframe timeframe);

  /** {@code GET /nodes/{node}/apt/update}: the cached list of pending updates. */
  Mono<List<PackageUpdate>> pendingUpdates(String node);

  /** {@code POST /nodes/{node}/apt/update}: refreshes the package index in a task. */
  Mono<Upid> refreshUpdates(String node);

  /** {@code GET /nodes/{node}/apt/versions}: the key packages' installed versions. */
  Mono<List<PackageVersion>> packageVersions(String node);

  /**
   * {@code GET /nodes/{node}/apt/changelog}: a package's changelog as plain text; PVE answers a
   * failure of apt-get with its output ending in {@code RC: n}, not with an error status.
   */
  Mono<String> changelog(String node, String packageName, String version);

  /** {@code GET /nodes/{node}/apt/repositories}. */
  Mono<AptRepositories> repositories(String node);

  /** {@code GET /nodes/{node}/subscription}. */
  Mono<Subscription> subscription(String node);

  /** {@code GET /cluster/firewall/options}. */
  Mono<FirewallOptions> firewallOptions();

  /** {@code GET /cluster/firewall/rules}. */
  Mono<List<FirewallRule>> firewallRules();

  /** {@code GET /cluster/ha/status/current}: quorum, master, each node's LRM, each resource. */
  Mono<List<HaStatusEntry>> haStatus();

  /** {@code GET /cluster/sdn/zones?pending=1}: with what is edited but not applied. */
  Mono<List<SdnZone>> sdnZones();

  /** {@code GET /cluster/sdn/vnets?pending=1}: with what is edited but not applied. */
  Mono<List<SdnVnet>> sdnVnets();

  /** {@code GET /cluster/resources?type=sdn}: each zone's state on each node. */
  Mono<List<SdnStatus>> sdnStatus();

  /**
   * {@code POST /nodes/{node}/{type}/{vmid}/migrate}: to another node of the same cluster. The type
   * in the path is the request's, whose parameters depend on it.
   */
  Mono<Upid> migrate(String node, int vmid, MigrationRequest request);

  /** {@code POST /nodes/{node}/{type}/{vmid}/remote_migrate}: to another cluster, as migrate. */
  Mono<Upid> remoteMigrate(String node, int vmid, RemoteMigrationRequest request);
}
