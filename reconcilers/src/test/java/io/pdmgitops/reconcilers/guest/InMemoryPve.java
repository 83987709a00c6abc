package io.pdmgitops.reconcilers.guest;

import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.reconcilers.api.GuestLockedException;
import io.pdmgitops.reconcilers.api.OutcomeUnknownException;
import io.pdmgitops.reconcilers.api.PermissionDeniedException;
import io.pdmgitops.reconcilers.api.RemoteUnreachableException;
import io.pdmgitops.reconcilers.api.TaskLog;
import io.pdmgitops.reconcilers.api.TaskStatus;
import io.pdmgitops.reconcilers.api.Upid;
import io.pdmgitops.reconcilers.pve.ClusterInventory;
import io.pdmgitops.reconcilers.pve.ClusterMember;
import io.pdmgitops.reconcilers.pve.GuestSummary;
import io.pdmgitops.reconcilers.pve.MigrationRequest;
import io.pdmgitops.reconcilers.pve.NodeStatus;
import io.pdmgitops.reconcilers.pve.PowerAction;
import io.pdmgitops.reconcilers.pve.PveClient;
import io.pdmgitops.reconcilers.pve.PveNode;
import io.pdmgitops.reconcilers.pve.PveVersion;
import io.pdmgitops.reconcilers.pve.RemoteMigrationRequest;
import io.pdmgitops.reconcilers.pve.TaskSource;
import io.pdmgitops.reconcilers.pve.TaskSummary;
import io.pdmgitops.reconcilers.pve.Timeframe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import reactor.core.publisher.Mono;

/**
 * One PVE node in memory, as the guest reconciler sees it: power calls start tasks that end after a
 * number of status polls, the node lists its tasks newest first, and switches make it refuse (a
 * token without VM.PowerMgmt, a lock, a node that is down) or lose an answer after acting. Only
 * what actions and their follow-up call is implemented; anything else is not part of this fake and
 * says so. Every call that acted is counted in {@link #acted}.
 */
final class InMemoryPve implements PveClient {
  static final String TOKEN = "ctl@pve!ctl";

  final Map<Integer, String> power = new HashMap<>();
  final Map<Integer, String> locks = new HashMap<>();
  final List<String> acted = new ArrayList<>();
  boolean readOnlyToken;
  boolean down;
  boolean loseNextAnswer;
  int pollsPerTask = 1;

  private final List<Task> tasks = new ArrayList<>();
  private int pid = 0x1000;

  private static final class Task {
    final String upid;
    final String type;
    final int vmid;
    final long starttime;
    final String result;
    int pollsLeft;

    Task(String upid, String type, int vmid, long starttime, String result, int polls) {
      this.upid = upid;
      this.type = type;
      this.vmid = vmid;
      this.starttime = starttime;
      this.result = result;
      this.pollsLeft = polls;
    }
  }

  /** Each subscription is one request, as over the wire: a retry asks again. */
  @Override
  public Mono<Upid> power(String node, GuestType type, int vmid, PowerAction action) {
    return Mono.defer(() -> powerNow(node, type, vmid, action));
  }

  private synchronized Mono<Upid> powerNow(
      String node, GuestType type, int vmid, PowerAction action) {
    if (down) {
      return Mono.error(new RemoteUnreachableException("east", List.of("connection refused")));
    }
    if (readOnlyToken) {
      return Mono.error(
          new PermissionDeniedException(
              "east",
              OptionalInt.of(403),
              "Permission check failed (/vms/" + vmid + ", VM.PowerMgmt)"));
    }
    if (locks.containsKey(vmid)) {
      return Mono.error(
          new GuestLockedException(
              "east", OptionalInt.of(500), "VM " + vmid + " is locked (" + locks.get(vmid) + ")"));
    }
    String verb = action.name().toLowerCase(Locale.ROOT);
    String taskType = (type == GuestType.QEMU ? "qm" : "vz") + verb;
    long start = Instant.now().getEpochSecond();
    String upid =
        String.format(
            "UPID:%s:%08X:%08X:%08X:%s:%d:%s:",
            node, pid++, 0x100000, start, taskType, vmid, TOKEN);
    tasks.add(0, new Task(upid, taskType, vmid, start, verb, pollsPerTask));
    acted.add(taskType + " " + vmid);
    if (loseNextAnswer) {
      loseNextAnswer = false;
      return Mono.error(new OutcomeUnknownException("east", "no answer within 30 s"));
    }
    return Mono.just(Upid.parse(upid).orElseThrow());
  }

  @Override
  public Mono<List<TaskSummary>> tasks(String node, TaskSource source, int limit) {
    return Mono.defer(() -> tasksNow(node, limit));
  }

  private synchronized Mono<List<TaskSummary>> tasksNow(String node, int limit) {
    if (down) {
      return Mono.error(new RemoteUnreachableException("east", List.of("connection refused")));
    }
    return Mono.just(
        tasks.stream()
            .limit(limit)
            .map(
                t ->
                    new TaskSummary(
                        t.upid,
                        node,
                        t.type,
                        Optional.of(String.valueOf(t.vmid)),
                        "ctl@pve",
                        Optional.of("ctl"),
                        t.starttime,
                        t.pollsLeft > 0 ? Optional.empty() : Optional.of(t.starttime + 1),
                        t.pollsLeft > 0 ? Optional.empty() : Optional.of("OK")))
            .toList());
  }

  @Override
  public Mono<TaskStatus> taskStatus(Upid upid) {
    return Mono.defer(() -> taskStatusNow(upid));
  }

  private synchronized Mono<TaskStatus> taskStatusNow(Upid upid) {
    Task t = tasks.stream().filter(x -> x.upid.equals(upid.text())).findFirst().orElseThrow();
    boolean running = t.pollsLeft-- > 0;
    if (!running) {
      power.put(
          t.vmid, t.result.equals("start") || t.result.equals("resume") ? "running" : "stopped");
    }
    return Mono.just(
        new TaskStatus(
            t.upid,
            upid.node(),
            t.type,
            Optional.of(String.valueOf(t.vmid)),
            "ctl@pve",
            Optional.of("ctl"),
            t.starttime,
            running ? "running" : "stopped",
            running ? Optional.empty() : Optional.of("OK")));
  }

  @Override
  public Mono<TaskLog> taskLog(Upid upid, int start, int limit) {
    return Mono.just(new TaskLog(List.of(), 0));
  }

  @Override
  public Mono<Void> stopTask(Upid upid) {
    return notInThisFake("stopTask");
  }

  private static <T> Mono<T> notInThisFake(String call) {
    return Mono.error(new UnsupportedOperationException(call + " is not part of this fake"));
  }

  @Override
  public Mono<PveVersion> version() {
    return notInThisFake("version");
  }

  @Override
  public Mono<List<ClusterMember>> clusterStatus() {
    return notInThisFake("clusterStatus");
  }

  @Override
  public Mono<ClusterInventory> clusterInventory() {
    return notInThisFake("clusterInventory");
  }

  @Override
  public Mono<List<PveNode>> nodes() {
    return notInThisFake("nodes");
  }

  @Override
  public Mono<NodeStatus> nodeStatus(String node) {
    return notInThisFake("nodeStatus");
  }

  @Override
  public Mono<List<GuestSummary>> guests(String node, GuestType type) {
    return notInThisFake("guests");
  }

  @Override
  public Mono<List<GuestSummary>> vmsWithQmpStatus(String node) {
    return notInThisFake("vmsWithQmpStatus");
  }

  @Override
  public Mono<GuestSummary> guestStatus(String node, GuestType type, int vmid) {
    return notInThisFake("guestStatus");
  }

  @Override
  public Mono<List<io.pdmgitops.reconcilers.pve.RrdPoint>> nodeRrd(String node, Timeframe t) {
    return notInThisFake("nodeRrd");
  }

  @Override
  public Mono<List<io.pdmgitops.reconcilers.pve.RrdPoint>> guestRrd(
      String node, GuestType type, int vmid, Timeframe t) {
    return notInThisFake("guestRrd");
  }

  @Override
  public Mono<List<io.pdmgitops.reconcilers.pve.RrdPoint>> storageRrd(
      String node, String storage, Timeframe t) {
    return notInThisFake("storageRrd");
  }

  @Override
  public Mono<List<io.pdmgitops.reconcilers.pve.PackageUpdate>> pendingUpdates(String node) {
    return notInThisFake("pendingUpdates");
  }

  @Override
  public Mono<Upid> refreshUpdates(String node) {
    return notInThisFake("refreshUpdates");
  }

  @Override
  public Mono<io.pdmgitops.reconcilers.pve.AptRepositories> repositories(String node) {
    return notInThisFake("repositories");
  }

  @Override
  public Mono<io.pdmgitops.reconcilers.pve.Subscription> subscription(String node) {
    return notInThisFake("subscription");
  }

  @Override
  public Mono<io.pdmgitops.reconcilers.pve.FirewallOptions> firewallOptions() {
    return notInThisFake("firewallOptions");
  }

  @Override
  public Mono<List<io.pdmgitops.reconcilers.pve.FirewallRule>> firewallRules() {
    return notInThisFake("firewallRules");
  }

  @Override
  public Mono<List<io.pdmgitops.reconcilers.pve.PackageVersion>> packageVersions(String node) {
    return notInThisFake("packageVersions");
  }

  @Override
  public Mono<String> changelog(String node, String packageName, String version) {
    return notInThisFake("changelog");
  }

  @Override
  public Mono<List<io.pdmgitops.reconcilers.pve.HaStatusEntry>> haStatus() {
    return notInThisFake("haStatus");
  }

  @Override
  public Mono<List<io.pdmgitops.reconcilers.pve.SdnStatus>> sdnStatus() {
    return notInThisFake("sdnStatus");
  }

  @Override
  public Mono<List<io.pdmgitops.reconcilers.pve.SdnZone>> sdnZones() {
    return notInThisFake("sdnZones");
  }

  @Override
  public Mono<List<io.pdmgitops.reconcilers.pve.SdnVnet>> sdnVnets() {
    return notInThisFake("sdnVnets");
  }

  @Override
  public Mono<Upid> migrate(String node, int vmid, MigrationRequest request) {
    return notInThisFake("migrate");
  }

  @Override
  public Mono<Upid> remoteMigrate(String node, int vmid, RemoteMigrationRequest request) {
    return notInThisFake("remoteMigrate");
  }
}
