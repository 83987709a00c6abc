package io.pdmgitops.simulator.pve;

import io.pdmgitops.simulator.config.ClusterConfig;
import io.pdmgitops.simulator.config.FaultConfig;
import io.pdmgitops.simulator.config.GuestConfig;
import io.pdmgitops.simulator.config.ProxyFailure;
import io.pdmgitops.simulator.config.StorageConfig;
import io.pdmgitops.simulator.config.SubscriptionConfig;
import io.pdmgitops.simulator.config.TokenConfig;
import io.pdmgitops.simulator.http.ApiException;
import io.pdmgitops.simulator.http.ApiRequest;
import io.pdmgitops.simulator.http.ApiResponse;
import io.pdmgitops.simulator.http.ErrorStyle;
import io.pdmgitops.simulator.http.Route;
import io.pdmgitops.simulator.http.SimulatedRemote;
import io.pdmgitops.simulator.http.TlsIdentity;
import io.pdmgitops.simulator.http.TokenAuth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stateful PVE cluster. One lock guards its state: requests are handled one at a time, which is
 * plenty for a simulator and keeps every transition atomic.
 */
public final class PveCluster implements SimulatedRemote, AutoCloseable {
  private final String name;
  private final String version;
  private final Clock clock;
  private final TlsIdentity tls;
  private final TokenAuth auth;
  private final RemoteMigrationPreflight preflight;
  private final List<StorageConfig> storages;
  final Map<String, SimNode> nodes = new LinkedHashMap<>();
  final Map<Integer, SimGuest> guests = new TreeMap<>();
  final TaskLedger tasks = new TaskLedger();
  private final List<Route> routes = new ArrayList<>();
  private final PveBackupJobApi backupJobApi = new PveBackupJobApi();
  private final PveFirewallApi firewallApi = new PveFirewallApi(this);
  private final PveShellApi shellApi = new PveShellApi(this);
  private final ScheduledBackups scheduledBackups;
  private BackupSink backupSink = BackupSink.NONE;

  /**
   * Runs calls to other clusters without holding this cluster's lock (no cross-cluster deadlock).
   */
  private final ExecutorService workers =
      Executors.newFixedThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "simulator-worker");
            t.setDaemon(true);
            return t;
          });

  private volatile FaultConfig faults;
  private volatile ErrorStyle errorStyle;
  private volatile Duration taskDuration;
  private volatile boolean legacySubscriptionCase;

  /** SDN zones edited but not applied, and {@code node/zone} pairs that failed to apply. */
  final java.util.Set<String> sdnPending = new java.util.TreeSet<>();

  final java.util.Set<String> sdnErrors = new java.util.TreeSet<>();

  /** The proxy fault of the request being handled; set and read under the lock. */
  private ProxyFailure proxyFailure = ProxyFailure.NONE;

  public PveCluster(ClusterConfig config, Duration taskDuration, Clock clock) {
    this.name = config.name();
    this.version = config.version();
    this.clock = clock;
    this.tls = new TlsIdentity(config.certificate());
    this.auth = new TokenAuth(config.tokens(), false);
    this.preflight = new RemoteMigrationPreflight(auth);
    this.storages = config.storages();
    this.faults = config.faults();
    this.taskDuration = taskDuration;
    this.errorStyle = config.legacy() ? ErrorStyle.PVE_LEGACY : ErrorStyle.PVE;
    this.legacySubscriptionCase = config.legacy();
    this.sdnPending.addAll(config.sdn().pending());
    this.sdnErrors.addAll(config.sdn().errors());
    config.nodes().forEach(n -> nodes.put(n.name(), new SimNode(n)));
    Instant now = clock.instant();
    for (GuestConfig g : config.guests()) {
      guests.put(g.vmid(), new SimGuest(g, now));
    }
    routes.addAll(new PveReadApi(this).routes());
    routes.addAll(new PvePowerApi(this).routes());
    routes.addAll(new PveTaskApi(this).routes());
    routes.addAll(new PveInfoApi(this).routes());
    routes.addAll(new PveMigrationApi(this).routes());
    routes.addAll(backupJobApi.routes());
    routes.addAll(firewallApi.routes());
    routes.addAll(new PveHaApi(this).routes());
    routes.addAll(new PveAptApi(this).routes());
    routes.addAll(shellApi.routes());
    scheduledBackups = new ScheduledBackups(this, now);
  }

  /**
   * Where the backups of jobs on {@code pbs} storages are delivered (the fleet's backup servers).
   */
  public synchronized void deliverBackupsTo(BackupSink sink) {
    this.backupSink = sink;
  }

  /**
   * Starts the backup jobs whose schedule fired since the last call (pvescheduler's minute tick),
   * and ends the tasks whose time is up, delivering their backups.
   */
  public synchronized void runSchedule() {
    Instant now = clock.instant();
    tasks.settle(now);
    scheduledBackups.run(now, backupJobApi.jobs(), backupSink);
  }

  /**
   * The firewall options set in one file, for tests: {@code cluster}, {@code host/<node>} or {@code
   * vm/<vmid>}.
   */
  public synchronized Map<String, String> firewallOptions(String file) {
    return firewallApi.options(file);
  }

  /** Sets firewall options in one file as someone in PVE's UI would (its digest changes). */
  public synchronized void editFirewallOptions(String file, Map<String, String> set) {
    firewallApi.edit(file, set);
  }

  /** The cluster's scheduled backup jobs by id, each with its stored keys, for tests. */
  public Map<String, Map<String, String>> backupJobs() {
    return backupJobApi.jobs();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    ApiRequest prepared;
    try {
      prepared = preflight.prepare(request); // may call another cluster: outside the lock
    } catch (ApiException e) {
      return e.response();
    }
    synchronized (this) {
      tasks.settle(clock.instant());
      proxyFailure = faults.forPath(prepared.path()).proxyFailure();
      return Route.dispatch(routes, prepared, auth, true);
    }
  }

  @Override
  public io.pdmgitops.simulator.http.TerminalOpening openTerminal(
      ApiRequest request, boolean upgrade) {
    synchronized (this) {
      try {
        return shellApi.open(request, auth.authenticate(request), upgrade);
      } catch (ApiException e) {
        return io.pdmgitops.simulator.http.TerminalOpening.answered(e.response());
      }
    }
  }

  /** Ends a task now (a shell's session ended). */
  synchronized void endTask(SimTask task) {
    task.decide(clock.instant(), "OK", () -> {});
    tasks.settle(clock.instant());
  }

  /** Every open shell session drops, as when the node's connection breaks. */
  public void dropShells() {
    shellApi.dropAll();
  }

  /** Shell sessions open now. */
  public int openShells() {
    return shellApi.sessions().size();
  }

  /** The next ticket checks fail whatever the ticket (a fault for tests); false ends it. */
  public void refuseShellTickets(boolean refuse) {
    shellApi.refuseTickets = refuse;
  }

  @Override
  public ErrorStyle errorStyle() {
    return errorStyle;
  }

  @Override
  public FaultConfig faults() {
    return faults;
  }

  @Override
  public TlsIdentity tls() {
    return tls;
  }

  // ---- state used by the API classes (always under the lock) ----

  String version() {
    return version;
  }

  /** 8 for "8.2.4": shapes that changed with PVE 9 follow the configured version. */
  int major() {
    try {
      return Integer.parseInt(version.substring(0, version.indexOf('.')));
    } catch (RuntimeException e) {
      return 8;
    }
  }

  Instant now() {
    return clock.instant();
  }

  Duration taskDuration() {
    return taskDuration;
  }

  List<StorageConfig> storages() {
    return storages;
  }

  /**
   * The node a /nodes/{node}/... call is proxied to, as pveproxy resolves it: {@code localhost} is
   * the receiving node itself; a name the cluster does not know falls through to DNS
   * (PVE::Cluster::remote_node_ip, PVE::Network::get_ip_from_hostname) and fails with a plain 500;
   * an offline node refuses the connection (595); a proxy fault answers 596.
   */
  SimNode reachableNode(String node) {
    if ("localhost".equals(node) && !nodes.isEmpty()) {
      return nodes.values().iterator().next();
    }
    SimNode n = nodes.get(node);
    if (n == null) {
      throw ApiException.of(
          500,
          "hostname lookup '"
              + node
              + "' failed - failed to get address info for: "
              + node
              + ": Name or service not known");
    }
    if (!n.online) {
      throw ApiException.of(
          595, "Errors during connection establishment, proxy handshake: No route to host");
    }
    if (proxyFailure != ProxyFailure.NONE) {
      throw ApiException.of(proxyFailure.status(), proxyFailure.reason());
    }
    return n;
  }

  /** The guest on that node, or PVE's "configuration file does not exist" 500. */
  SimGuest guestOn(String node, String type, String vmid) {
    int id = vmid(vmid);
    SimGuest guest = guests.get(id);
    if (guest == null || !guest.node.equals(node) || !guest.type.equals(type)) {
      String dir = "qemu".equals(type) ? "qemu-server" : "lxc";
      throw ApiException.of(
          500,
          "Configuration file 'nodes/" + node + "/" + dir + "/" + id + ".conf' does not exist");
    }
    return guest;
  }

  void runOutsideLock(Runnable work) {
    workers.execute(work);
  }

  synchronized void log(SimTask task, String line) {
    task.log.add(line);
  }

  /** Ends a deferred task now; its effect applies at once on success, the cleanup on failure. */
  synchronized void decide(SimTask task, String outcome, Runnable onSuccess, Runnable onFailure) {
    task.decide(clock.instant(), outcome, onSuccess);
    if (!outcome.equals("OK")) {
      onFailure.run();
    }
    tasks.settle(clock.instant());
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }

  /** A pve-vmid path value: JSONSchema's type check, then the pve-vmid format (100..999999999). */
  static int vmid(String text) {
    if (!text.matches("^[+-]?\\d+$")) {
      throw ApiException.badParameter("vmid", "type check ('integer') failed - got '" + text + "'");
    }
    if (!text.matches("^[1-9][0-9]{2,8}$")) {
      throw ApiException.badParameter(
          "vmid", "invalid format - value does not look like a valid VM ID\n");
    }
    return Integer.parseInt(text);
  }

  static String user(TokenConfig token) {
    return token.id();
  }

  // ---- control surface for tests and the admin endpoint ----

  /** A snapshot of one guest's state, for assertions. */
  public record GuestState(
      int vmid,
      String type,
      String name,
      String node,
      String status,
      String qmpstatus,
      Optional<String> lock,
      long uptime) {}

  public synchronized Optional<GuestState> guest(int vmid) {
    tasks.settle(clock.instant());
    SimGuest g = guests.get(vmid);
    if (g == null) {
      return Optional.empty();
    }
    return Optional.of(
        new GuestState(
            g.vmid,
            g.type,
            g.name,
            g.node,
            g.status,
            g.qmpstatus,
            Optional.ofNullable(g.lock),
            g.uptime(clock.instant())));
  }

  public synchronized void setLock(int vmid, String lock) {
    Optional.ofNullable(guests.get(vmid)).ifPresent(g -> g.lock = lock);
  }

  /**
   * Changes a guest's power outside the API, as a user on the node's console or the HA manager
   * does: {@code running}, {@code stopped}, or {@code paused} (a running VM stopped in QMP; its
   * status stays "running").
   */
  public synchronized void setPower(int vmid, String power) {
    SimGuest g = guests.get(vmid);
    if (g == null) {
      throw new IllegalArgumentException("no guest " + vmid);
    }
    switch (power) {
      case "running" -> {
        if (g.isRunning()) {
          g.qmpstatus = "running";
        } else {
          g.start(clock.instant());
        }
      }
      case "stopped" -> g.stop();
      case "paused" -> {
        if (!g.isRunning() || !g.isQemu()) {
          throw new IllegalArgumentException("only a running VM can be paused");
        }
        g.qmpstatus = "paused";
      }
      default -> throw new IllegalArgumentException("running, stopped or paused, not " + power);
    }
  }

  public synchronized void setNodeOnline(String node, boolean online) {
    Optional.ofNullable(nodes.get(node)).ifPresent(n -> n.online = online);
  }

  public synchronized void setSubscription(String node, SubscriptionConfig subscription) {
    Optional.ofNullable(nodes.get(node)).ifPresent(n -> n.subscription = subscription);
  }

  /**
   * Puts an HA resource into a state the HA manager reaches on its own ({@code error} after too
   * many failed restarts, {@code fence}, {@code recovery}); null returns it to its requested state.
   */
  public synchronized void setHaFault(int vmid, String state) {
    Optional.ofNullable(guests.get(vmid)).filter(g -> g.ha).ifPresent(g -> g.haFault = state);
  }

  /** Gives the node other packages or sources (an upgrade, a kernel waiting for a reboot). */
  public synchronized void setApt(String node, io.pdmgitops.simulator.config.AptConfig apt) {
    Optional.ofNullable(nodes.get(node)).ifPresent(n -> n.apt = apt);
  }

  /** Marks an SDN zone as edited but not applied (true), or applies it (false). */
  public synchronized void setSdnPending(String zone, boolean pending) {
    if (pending) {
      sdnPending.add(zone);
    } else {
      sdnPending.remove(zone);
    }
  }

  public synchronized void renameGuest(int vmid, String newName) {
    Optional.ofNullable(guests.get(vmid)).ifPresent(g -> g.name = newName);
  }

  public void setFaults(FaultConfig faults) {
    this.faults = faults;
  }

  public void setErrorStyle(ErrorStyle style) {
    this.errorStyle = style;
  }

  /** Before PVE 7.3 the subscription status was capitalised ("NotFound", "Active"). */
  public void setLegacySubscriptionCase(boolean legacy) {
    this.legacySubscriptionCase = legacy;
  }

  boolean legacySubscriptionCase() {
    return legacySubscriptionCase;
  }

  public void setTaskDuration(Duration duration) {
    this.taskDuration = duration;
  }

  /**
   * Starts a task on a node as someone on the cluster would (a backup run by hand, say), running
   * for the duration; answers its UPID.
   */
  public synchronized String startTask(
      String node, String type, String id, String user, Duration duration) {
    return tasks.start(node, type, id, user, clock.instant(), duration, "OK", () -> {}).upid;
  }

  /** A task's exit status; empty while it runs or when the cluster does not know it. */
  public synchronized Optional<String> taskExitStatus(String upid) {
    tasks.settle(clock.instant());
    return tasks.find(upid).filter(t -> !t.isRunning()).map(t -> t.exitstatus);
  }

  /** Number of tasks of a type started so far, e.g. to prove an action was not sent twice. */
  public synchronized long tasksStarted(String type, int vmid) {
    return tasks.all().stream()
        .filter(t -> t.type.equals(type) && t.id.equals(String.valueOf(vmid)))
        .count();
  }

  @Override
  public TokenAuth auth() {
    return auth;
  }
}
