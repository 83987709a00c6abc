package io.pdmgitops.simulator.pbs;

import io.pdmgitops.simulator.config.DatastoreConfig;
import io.pdmgitops.simulator.config.FaultConfig;
import io.pdmgitops.simulator.config.PbsConfig;
import io.pdmgitops.simulator.http.ApiException;
import io.pdmgitops.simulator.http.ApiRequest;
import io.pdmgitops.simulator.http.ApiResponse;
import io.pdmgitops.simulator.http.Call;
import io.pdmgitops.simulator.http.ErrorStyle;
import io.pdmgitops.simulator.http.Json;
import io.pdmgitops.simulator.http.Route;
import io.pdmgitops.simulator.http.SimulatedRemote;
import io.pdmgitops.simulator.http.TlsIdentity;
import io.pdmgitops.simulator.http.TokenAuth;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Proxmox Backup Server: datastores, their usage, backup groups and snapshots, and its garbage
 * collection tasks. Real JSON booleans and kebab-case keys, plain-text errors, 400 by default.
 */
public final class PbsServer implements SimulatedRemote {
  private static final String NODE = "localhost";

  private final PbsConfig config;
  private final Clock clock;
  private final TlsIdentity tls;
  private final TokenAuth auth;
  private final Map<String, DatastoreConfig> stores;

  /** Each store's backup groups by {@code type/id}, snapshots added as backups run. */
  private final Map<String, Map<String, DatastoreConfig.BackupGroupConfig>> groups =
      new java.util.LinkedHashMap<>();

  private final List<Route> routes;
  private final List<String> upids;
  private volatile FaultConfig faults;

  public PbsServer(PbsConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.tls = new TlsIdentity(config.certificate());
    this.auth = new TokenAuth(config.tokens(), true);
    this.faults = config.faults();
    this.stores =
        config.datastores().stream()
            .collect(
                Collectors.toMap(
                    DatastoreConfig::name,
                    Function.identity(),
                    (a, b) -> a,
                    java.util.LinkedHashMap::new));
    long started = clock.instant().getEpochSecond();
    for (DatastoreConfig s : stores.values()) {
      Map<String, DatastoreConfig.BackupGroupConfig> byKey = new java.util.LinkedHashMap<>();
      // Negative times are seconds before the fleet started ("20h ago" in the fleet file).
      s.groups()
          .forEach(
              g ->
                  byKey.put(
                      g.type() + "/" + g.id(),
                      new DatastoreConfig.BackupGroupConfig(
                          g.type(),
                          g.id(),
                          g.owner(),
                          g.snapshots().stream().map(t -> t < 0 ? started + t : t).toList(),
                          g.verify())));
      groups.put(s.name(), byKey);
    }
    long start = clock.instant().getEpochSecond() - 3_600;
    this.upids =
        stores.keySet().stream()
            .map(
                s ->
                    String.format(
                        "UPID:%s:%08X:%08X:%08X:%08X:garbage_collection:%s:root@pam:",
                        NODE, 0x4F37 + s.length(), 0x39E469, 0, start, s))
            .toList();
    this.routes =
        List.of(
            Route.of("GET", "/version", this::version),
            Route.of("GET", "/admin/datastore", this::datastores),
            Route.of("GET", "/status/datastore-usage", this::usage),
            Route.of("GET", "/nodes/{node}/status", this::nodeStatus),
            Route.of("POST", "/nodes/{node}/termproxy", this::termproxy),
            Route.of("GET", "/nodes/{node}/tasks", this::tasks),
            Route.of("GET", "/nodes/{node}/tasks/{upid}/status", this::taskStatus),
            Route.of("GET", "/nodes/{node}/tasks/{upid}/log", this::taskLog),
            Route.of("DELETE", "/nodes/{node}/tasks/{upid}", this::stopTask),
            Route.of("GET", "/admin/datastore/{store}/groups", this::groups),
            Route.of("GET", "/admin/datastore/{store}/snapshots", this::snapshots),
            Route.of("GET", "/admin/datastore/{store}/namespace", this::namespaces),
            Route.of("GET", "/admin/gc", c -> jobs(c, "gc")),
            Route.of("GET", "/admin/verify", c -> jobs(c, "verify")),
            Route.of("GET", "/admin/prune", c -> jobs(c, "prune")));
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public synchronized ApiResponse handle(ApiRequest request) {
    ApiResponse response = Route.dispatch(routes, request, auth);
    // proxmox-rest-server answers generic errors with 400, not PVE's 500.
    return response.status() == 500 ? ApiResponse.error(400, response.message()) : response;
  }

  @Override
  public ErrorStyle errorStyle() {
    return ErrorStyle.PBS;
  }

  @Override
  public FaultConfig faults() {
    return faults;
  }

  public void setFaults(FaultConfig faults) {
    this.faults = faults;
  }

  @Override
  public TlsIdentity tls() {
    return tls;
  }

  private ApiResponse version(Call call) {
    String[] parts = config.version().split("\\.");
    return ApiResponse.ok(
        Json.object()
            .put("version", parts[0] + "." + (parts.length > 1 ? parts[1] : "0"))
            .put("release", parts.length > 2 ? parts[2] : "4")
            .put("repoid", "b2f3a8a5c1e2d4f6"));
  }

  private ApiResponse datastores(Call call) {
    ArrayNode out = Json.array();
    stores
        .values()
        .forEach(
            s ->
                out.addObject()
                    .put("store", s.name())
                    .put("mount-status", "nonremovable")
                    .put("backend-type", "filesystem"));
    return ApiResponse.ok(out);
  }

  private ApiResponse usage(Call call) {
    ArrayNode out = Json.array();
    for (DatastoreConfig s : stores.values()) {
      ObjectNode o =
          out.addObject()
              .put("store", s.name())
              .put("total", s.size())
              .put("used", s.used())
              .put("avail", s.size() - s.used());
      // A month of daily points growing by growthPerDay, and PBS's linear estimate from them: 0
      // for a store that does not grow (proxmox-backup src/api2/status.rs).
      long now = clock.instant().getEpochSecond();
      ArrayNode history = o.putArray("history");
      for (int i = 29; i >= 0; i--) {
        history.add(Math.max(0.0, (double) (s.used() - i * s.growthPerDay()) / s.size()));
      }
      o.put("history-start", now / 86_400 * 86_400 - 29 * 86_400).put("history-delta", 86_400);
      o.put(
          "estimated-full-date",
          s.growthPerDay() <= 0 ? 0 : now + (s.size() - s.used()) / s.growthPerDay() * 86_400);
      ObjectNode gc = o.putObject("gc-status");
      gc.put("upid", upids.get(List.copyOf(stores.keySet()).indexOf(s.name())));
      gc.put("index-file-count", s.groups().size() * 10)
          .put("index-data-bytes", s.used() * 3)
          .put("disk-bytes", s.used())
          .put("disk-chunks", s.used() / (4 << 20))
          .put("removed-bytes", 0)
          .put("removed-chunks", 0)
          .put("pending-bytes", 0)
          .put("pending-chunks", 0)
          .put("removed-bad", 0)
          .put("still-bad", 0);
    }
    return ApiResponse.ok(out);
  }

  /**
   * proxmox-backup's {@code src/api2/node/mod.rs} termproxy (as of the sources read for
   * docs/shell.md): Sys.Console on {@code /system}, then, in the handler, {@code bail!("API tokens
   * cannot access this API endpoint")}, which the REST server answers 400. The simulator is reached
   * only with tokens, so no shell opens here, as on the real server.
   */
  private ApiResponse termproxy(Call call) {
    TokenAuth.require(call.token(), "/system", "Sys.Console");
    throw ApiException.of(400, "API tokens cannot access this API endpoint");
  }

  private ApiResponse nodeStatus(Call call) {
    ObjectNode o = Json.object();
    o.putObject("memory").put("total", 64L << 30).put("used", 12L << 30).put("free", 52L << 30);
    o.putObject("swap").put("total", 8L << 30).put("used", 0).put("free", 8L << 30);
    o.putObject("root").put("total", 100L << 30).put("used", 20L << 30).put("avail", 80L << 30);
    o.put("uptime", 2_419_200);
    o.putArray("loadavg").add(0.12).add(0.2).add(0.18);
    o.put("kversion", "Linux 6.8.12-1-pve #1 SMP PREEMPT_DYNAMIC PMX 6.8.12-1");
    o.put("cpu", 0.034).put("wait", 0.001);
    o.putObject("cpuinfo")
        .put("model", "Intel(R) Xeon(R) E-2388G")
        .put("sockets", 1)
        .put("cpus", 16);
    o.putObject("info").put("fingerprint", tls.fingerprint());
    o.putObject("boot-info").put("mode", "efi").put("secureboot", false);
    return ApiResponse.ok(o);
  }

  private ApiResponse tasks(Call call) {
    ArrayNode out = Json.array();
    for (String upid : upids) {
      String[] f = upid.split(":");
      out.addObject()
          .put("upid", upid)
          .put("node", NODE)
          .put("pid", Long.parseLong(f[2], 16))
          .put("pstart", Long.parseLong(f[3], 16))
          .put("starttime", Long.parseLong(f[5], 16))
          .put("worker_type", f[6])
          .put("worker_id", f[7])
          .put("user", f[8])
          .put("endtime", Long.parseLong(f[5], 16) + 42)
          .put("status", "OK");
    }
    return ApiResponse.paged(out, out.size());
  }

  private String task(Call call) {
    String upid = call.var("upid");
    return upids.stream()
        .filter(upid::equals)
        .findFirst()
        .orElseThrow(() -> ApiException.of(400, "no such task"));
  }

  private ApiResponse taskStatus(Call call) {
    String upid = task(call);
    String[] f = upid.split(":");
    return ApiResponse.ok(
        Json.object()
            .put("upid", upid)
            .put("node", NODE)
            .put("pid", Long.parseLong(f[2], 16))
            .put("pstart", Long.parseLong(f[3], 16))
            .put("starttime", Long.parseLong(f[5], 16))
            .put("type", f[6])
            .put("id", f[7])
            .put("user", f[8])
            .put("status", "stopped")
            .put("exitstatus", "OK"));
  }

  /**
   * proxmox-backup's stop_task: the task's owner, or Sys.Modify on {@code /system/tasks}. These
   * garbage collections have ended, so stopping one changes nothing and answers null.
   */
  private ApiResponse stopTask(Call call) {
    String upid = task(call);
    if (!upid.split(":")[8].equals(call.token().id())) {
      TokenAuth.require(call.token(), "/system/tasks", "Sys.Modify");
    }
    return ApiResponse.ok(null);
  }

  private ApiResponse taskLog(Call call) {
    String upid = task(call);
    ArrayNode out = Json.array();
    out.addObject()
        .put("n", 1)
        .put("t", "starting garbage collection on store " + upid.split(":")[7]);
    out.addObject().put("n", 2).put("t", "TASK OK");
    return ApiResponse.paged(out, 2);
  }

  /**
   * Adds a snapshot, as a backup to this server does; a new group belongs to the backing-up token.
   *
   * @throws IllegalArgumentException for a store this server does not have
   */
  public synchronized void addSnapshot(
      String store, String type, String id, long time, String owner) {
    Map<String, DatastoreConfig.BackupGroupConfig> byKey = groups.get(store);
    if (byKey == null) {
      throw new IllegalArgumentException("no datastore " + store + " on " + name());
    }
    byKey.compute(
        type + "/" + id,
        (k, g) -> {
          List<Long> times = new java.util.ArrayList<>(g == null ? List.of() : g.snapshots());
          times.add(time);
          // A new snapshot is not verified until a verify job reads it.
          return new DatastoreConfig.BackupGroupConfig(
              type, id, g == null ? owner : g.owner(), times, null);
        });
  }

  /** The newest snapshot of a group, epoch seconds, for tests. */
  public synchronized Optional<Long> lastBackup(String store, String type, String id) {
    return Optional.ofNullable(groups.getOrDefault(store, Map.of()).get(type + "/" + id))
        .flatMap(g -> g.snapshots().stream().max(Long::compare));
  }

  private java.util.Collection<DatastoreConfig.BackupGroupConfig> groupsOf(Call call) {
    return groups.get(store(call).name()).values();
  }

  private DatastoreConfig store(Call call) {
    TokenAuth.require(call.token(), "/datastore/" + call.var("store"), "Datastore.Audit");
    return Optional.ofNullable(stores.get(call.var("store")))
        .orElseThrow(
            () -> ApiException.of(404, "datastore '" + call.var("store") + "' does not exist"));
  }

  private ApiResponse groups(Call call) {
    ArrayNode out = Json.array();
    for (DatastoreConfig.BackupGroupConfig g : groupsOf(call)) {
      ArrayNode files =
          out.addObject()
              .put("backup-type", g.type())
              .put("backup-id", g.id())
              .put("last-backup", g.snapshots().stream().mapToLong(Long::longValue).max().orElse(0))
              .put("backup-count", g.snapshots().size())
              .put("owner", g.owner())
              .putArray("files");
      files.add("index.json.blob").add("drive-scsi0.img.fidx");
    }
    return ApiResponse.ok(out);
  }

  /** Every datastore holds only its root namespace here. */
  private ApiResponse namespaces(Call call) {
    store(call);
    call.allow(Set.of("parent", "max-depth"));
    ArrayNode out = Json.array();
    out.addObject().put("ns", "");
    return ApiResponse.ok(out);
  }

  /**
   * {@code GET /admin/gc}, {@code /admin/verify}, {@code /admin/prune}: one job per datastore with
   * PBS's JobScheduleStatus ({@code last-run-state} is OK, {@code WARNINGS: n} or the error
   * itself), listed where the token may audit the store.
   */
  private ApiResponse jobs(Call call, String kind) {
    call.allow(Set.of("store"));
    String only = call.string("store", null);
    long now = clock.instant().getEpochSecond();
    ArrayNode out = Json.array();
    for (DatastoreConfig s : stores.values()) {
      String state =
          switch (kind) {
            case "gc" -> s.gcState();
            case "verify" -> s.verifyState();
            default -> s.pruneState();
          };
      if (state == null
          || (only != null && !only.equals(s.name()))
          || !TokenAuth.has(call.token(), "/datastore/" + s.name(), "Datastore.Audit")) {
        continue;
      }
      ObjectNode o = out.addObject();
      if (!kind.equals("gc")) {
        o.put("id", kind.charAt(0) + "-" + s.name());
      }
      o.put("store", s.name()).put("schedule", "daily");
      o.put("next-run", now / 86_400 * 86_400 + 86_400)
          .put("last-run-state", state)
          .put("last-run-endtime", now - 3_600)
          .put(
              "last-run-upid",
              String.format(
                  "UPID:%s:%08X:%08X:%08X:%08X:%s:%s:root@pam:",
                  NODE,
                  0x5000 + s.name().length(),
                  0x3A0000,
                  0,
                  now - 3_700,
                  kind.equals("gc") ? "garbage_collection" : kind + "job",
                  s.name()));
    }
    return ApiResponse.ok(out);
  }

  private ApiResponse snapshots(Call call) {
    call.allow(Set.of("backup-type", "backup-id", "ns"));
    String type = call.string("backup-type", null);
    String id = call.string("backup-id", null);
    String ns = call.string("ns", "");
    ArrayNode out = Json.array();
    if (!ns.isEmpty()) {
      store(call);
      throw ApiException.of(400, "namespace '" + ns + "' does not exist");
    }
    for (DatastoreConfig.BackupGroupConfig g : groupsOf(call)) {
      if ((type != null && !type.equals(g.type())) || (id != null && !id.equals(g.id()))) {
        continue;
      }
      long newest = g.snapshots().stream().mapToLong(Long::longValue).max().orElse(0);
      for (long time : g.snapshots()) {
        // Older snapshots were verified fine; the newest carries the group's state.
        String verify = time == newest ? g.verify() : "ok";
        ObjectNode o =
            out.addObject()
                .put("backup-type", g.type())
                .put("backup-id", g.id())
                .put("backup-time", time)
                .put("owner", g.owner())
                .put("protected", false)
                .put("size", 8L << 30);
        if (verify != null) {
          o.putObject("verification")
              .put("state", verify)
              .put("upid", upids.isEmpty() ? "" : upids.get(0));
        }
        o.putArray("files")
            .addObject()
            .put("filename", "drive-scsi0.img.fidx")
            .put("crypt-mode", "none")
            .put("size", 8L << 30);
      }
    }
    return ApiResponse.ok(out);
  }

  @Override
  public TokenAuth auth() {
    return auth;
  }
}
