package io.pdmgitops.simulator.pve;

import io.pdmgitops.simulator.http.ApiException;
import io.pdmgitops.simulator.http.ApiResponse;
import io.pdmgitops.simulator.http.Call;
import io.pdmgitops.simulator.http.Json;
import io.pdmgitops.simulator.http.Route;
import io.pdmgitops.simulator.http.TokenAuth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Health and configuration views: RRD series, pending updates and repositories, subscription,
 * firewall and SDN (reference sections 2.14 to 2.17), in their real field names and types.
 */
final class PveInfoApi {
  /** Points per timeframe and their spacing in seconds, PVE 8's RRD format. */
  private static final Map<String, long[]> TIMEFRAMES =
      Map.of(
          "hour", new long[] {60, 60},
          "day", new long[] {70, 1_800},
          "week", new long[] {70, 10_800},
          "month", new long[] {70, 43_200},
          "year", new long[] {70, 604_800});

  private final PveCluster cluster;

  PveInfoApi(PveCluster cluster) {
    this.cluster = cluster;
  }

  List<Route> routes() {
    return List.of(
        Route.of("GET", "/nodes/{node}/rrddata", this::nodeRrd),
        Route.of("GET", "/nodes/{node}/qemu/{vmid}/rrddata", c -> guestRrd(c, "qemu")),
        Route.of("GET", "/nodes/{node}/lxc/{vmid}/rrddata", c -> guestRrd(c, "lxc")),
        Route.of("GET", "/nodes/{node}/storage/{storage}/rrddata", this::storageRrd),
        Route.of("GET", "/nodes/{node}/apt/update", this::pendingUpdates),
        Route.of("POST", "/nodes/{node}/apt/update", this::refreshUpdates),
        Route.of("GET", "/nodes/{node}/apt/repositories", this::repositories),
        Route.of("GET", "/nodes/{node}/subscription", this::subscription),
        Route.of("GET", "/cluster/firewall/options", this::firewallOptions),
        Route.of("GET", "/cluster/firewall/rules", this::firewallRules),
        Route.of("GET", "/cluster/sdn/zones", this::sdnZones),
        Route.of("GET", "/cluster/sdn/vnets", this::sdnVnets));
  }

  private long[] timeframe(Call call) {
    call.allow(Set.of("timeframe", "cf"));
    String timeframe = call.required("timeframe");
    long[] shape = TIMEFRAMES.get(timeframe);
    if (shape == null) {
      throw ApiException.badParameter(
          "timeframe",
          "value '"
              + timeframe
              + "' does not have a value in the enumeration 'hour, day, week, month, year'");
    }
    String cf = call.string("cf", "AVERAGE");
    if (!cf.equals("AVERAGE") && !cf.equals("MAX")) {
      throw ApiException.badParameter(
          "cf", "value '" + cf + "' does not have a value in the enumeration 'AVERAGE, MAX'");
    }
    return shape;
  }

  /** Points ending now, oldest first, with a gentle deterministic wave. */
  private ArrayNode series(long[] shape, java.util.function.BiConsumer<ObjectNode, Double> values) {
    ArrayNode out = Json.array();
    long step = shape[1];
    long end = cluster.now().getEpochSecond() / step * step;
    for (long i = shape[0] - 1; i >= 0; i--) {
      ObjectNode point = out.addObject().put("time", end - i * step);
      values.accept(point, 0.5 + 0.5 * Math.sin((end - i * step) / 3_600.0));
    }
    return out;
  }

  private ApiResponse nodeRrd(Call call) {
    SimNode n = cluster.reachableNode(call.var("node"));
    TokenAuth.require(call.token(), "/nodes/" + n.name, "Sys.Audit");
    return ApiResponse.ok(
        series(
            timeframe(call),
            (p, wave) ->
                p.put("cpu", 0.05 + 0.2 * wave)
                    .put("maxcpu", n.cpus)
                    .put("iowait", 0.002 * wave)
                    .put("loadavg", 0.4 + wave)
                    .put("memtotal", (double) n.memory)
                    .put("memused", n.memory * (0.3 + 0.2 * wave))
                    .put("swaptotal", (double) (8L << 30))
                    .put("swapused", 0.0)
                    .put("roottotal", (double) n.rootfs)
                    .put("rootused", n.rootfs * 0.25)
                    .put("netin", 120_000 * wave)
                    .put("netout", 80_000 * wave)));
  }

  private ApiResponse guestRrd(Call call, String type) {
    String node = cluster.reachableNode(call.var("node")).name;
    SimGuest g = cluster.guestOn(node, type, call.var("vmid"));
    TokenAuth.require(call.token(), "/vms/" + g.vmid, "VM.Audit");
    boolean running = g.isRunning();
    return ApiResponse.ok(
        series(
            timeframe(call),
            (p, wave) -> {
              p.put("maxcpu", g.cpus)
                  .put("maxmem", (double) g.maxmem)
                  .put("maxdisk", (double) g.maxdisk);
              p.put("disk", g.isQemu() ? 0.0 : g.maxdisk / 3.0);
              if (running) {
                // A stopped guest has only the max values, as in PVE.
                p.put("cpu", g.cpuLoad() * (0.5 + wave))
                    .put("mem", g.memUsed() * (0.8 + 0.2 * wave))
                    .put("netin", 20_000 * wave)
                    .put("netout", 15_000 * wave)
                    .put("diskread", 50_000 * wave)
                    .put("diskwrite", 30_000 * wave);
              }
            }));
  }

  private ApiResponse storageRrd(Call call) {
    cluster.reachableNode(call.var("node"));
    var storage =
        cluster.storages().stream()
            .filter(s -> s.name().equals(call.var("storage")))
            .findFirst()
            .orElseThrow(
                () -> ApiException.of(500, "storage '" + call.var("storage") + "' does not exist"));
    return ApiResponse.ok(
        series(
            timeframe(call),
            (p, wave) ->
                p.put("total", (double) storage.size()).put("used", (double) storage.used())));
  }

  private ApiResponse pendingUpdates(Call call) {
    SimNode n = cluster.reachableNode(call.var("node"));
    TokenAuth.require(call.token(), "/nodes/" + n.name, "Sys.Modify");
    ArrayNode out = Json.array();
    out.addObject()
        .put("Package", "pve-manager")
        .put("Title", "Proxmox Virtual Environment Management Tools")
        .put(
            "Description",
            "This package contains the Proxmox Virtual Environment management tools.")
        .put("Version", "8.2.7")
        .put("OldVersion", cluster.version())
        .put("Arch", "amd64")
        .put("Origin", "Proxmox")
        .put("Priority", "optional")
        .put("Section", "admin");
    out.addObject()
        .put("Package", "openssl")
        .put("Title", "Secure Sockets Layer toolkit - cryptographic utility")
        .put("Description", "This package is part of the OpenSSL project's implementation.")
        .put("Version", "3.0.15-1~deb12u1")
        .put("OldVersion", "3.0.14-1~deb12u2")
        .put("Arch", "amd64")
        .put("Origin", "Debian")
        .put("Priority", "optional")
        .put("Section", "utils");
    return ApiResponse.ok(out);
  }

  private ApiResponse refreshUpdates(Call call) {
    call.allow(Set.of("notify", "quiet"));
    call.bool("notify", false);
    call.bool("quiet", false);
    SimNode n = cluster.reachableNode(call.var("node"));
    TokenAuth.require(call.token(), "/nodes/" + n.name, "Sys.Modify");
    SimTask task =
        cluster.tasks.start(
            n.name,
            "aptupdate",
            "",
            PveCluster.user(call.token()),
            cluster.now(),
            cluster.taskDuration(),
            "OK",
            () -> {});
    task.log.add("starting apt-get update");
    return ApiResponse.ok(Json.text(task.upid));
  }

  private ApiResponse repositories(Call call) {
    SimNode n = cluster.reachableNode(call.var("node"));
    TokenAuth.require(call.token(), "/nodes/" + n.name, "Sys.Audit");
    ObjectNode o = Json.object().put("digest", "9b1f3c0c8f2a4d7e");
    ObjectNode file = o.putArray("files").addObject();
    file.put("path", "/etc/apt/sources.list").put("file-type", "list");
    file.putArray("digest").add(155).add(31);
    ArrayNode repos = file.putArray("repositories");
    repository(repos.addObject(), "http://deb.debian.org/debian", "bookworm", "main contrib", true);
    repository(
        repos.addObject(),
        "http://download.proxmox.com/debian/pve",
        "bookworm",
        "pve-no-subscription",
        true);
    o.putArray("errors");
    o.putArray("infos")
        .addObject()
        .put("path", "/etc/apt/sources.list")
        .put("index", 1)
        .put("kind", "warning")
        .put("message", "the no-subscription repository is not recommended for production use");
    ArrayNode standard = o.putArray("standard-repos");
    standard.addObject().put("handle", "enterprise").put("name", "Enterprise");
    standard
        .addObject()
        .put("handle", "no-subscription")
        .put("name", "No-Subscription")
        .put("status", true);
    standard.addObject().put("handle", "test").put("name", "Test");
    return ApiResponse.ok(o);
  }

  private static void repository(
      ObjectNode r, String uri, String suite, String components, boolean enabled) {
    r.putArray("Types").add("deb");
    r.putArray("URIs").add(uri);
    r.putArray("Suites").add(suite);
    ArrayNode c = r.putArray("Components");
    for (String component : components.split(" ")) {
      c.add(component);
    }
    r.put("Comment", "").put("FileType", "list").put("Enabled", enabled); // real JSON booleans here
  }

  private ApiResponse subscription(Call call) {
    SimNode n = cluster.reachableNode(call.var("node"));
    return ApiResponse.ok(
        Json.object()
            .put("status", cluster.legacySubscriptionCase() ? "NotFound" : "notfound")
            .put("message", "There is no subscription key")
            .put("url", "https://www.proxmox.com/en/proxmox-virtual-environment/pricing")
            .put("serverid", String.format("%032X", n.name.hashCode() & 0xffffffffL)));
  }

  private ApiResponse firewallOptions(Call call) {
    TokenAuth.require(call.token(), "/", "Sys.Audit");
    return ApiResponse.ok(
        Json.object()
            .put("enable", 1)
            .put("policy_in", "DROP")
            .put("policy_out", "ACCEPT")
            .put("log_ratelimit", "enable=1,burst=5,rate=1/second")
            .put("digest", "5d2a6e3f1b0c9a8d7e6f5a4b3c2d1e0f9a8b7c6d"));
  }

  private ApiResponse firewallRules(Call call) {
    TokenAuth.require(call.token(), "/", "Sys.Audit");
    ArrayNode out = Json.array();
    out.addObject()
        .put("pos", 0)
        .put("type", "in")
        .put("action", "ACCEPT")
        .put("enable", 1)
        .put("macro", "SSH")
        .put("source", "10.0.0.0/8")
        .put("comment", "admin network")
        .put("digest", "5d2a6e3f1b0c9a8d7e6f5a4b3c2d1e0f9a8b7c6d");
    out.addObject()
        .put("pos", 1)
        .put("type", "in")
        .put("action", "ACCEPT")
        .put("enable", 1)
        .put("proto", "tcp")
        .put("dport", "8006")
        .put("digest", "5d2a6e3f1b0c9a8d7e6f5a4b3c2d1e0f9a8b7c6d");
    out.addObject()
        .put("pos", 2)
        .put("type", "in")
        .put("action", "DROP")
        .put("enable", 0)
        .put("log", "info")
        .put("digest", "5d2a6e3f1b0c9a8d7e6f5a4b3c2d1e0f9a8b7c6d");
    return ApiResponse.ok(out);
  }

  private ApiResponse sdnZones(Call call) {
    call.allow(Set.of("type", "pending", "running"));
    ArrayNode out = Json.array();
    out.addObject()
        .put("zone", "localnet")
        .put("type", "simple")
        .put("ipam", "pve")
        .put("digest", "1a2b3c");
    out.addObject()
        .put("zone", "tenants")
        .put("type", "vxlan")
        .put("mtu", 1450)
        .put("peers", "10.0.0.1,10.0.0.2")
        .put("ipam", "pve")
        .put("digest", "4d5e6f");
    return ApiResponse.ok(out);
  }

  private ApiResponse sdnVnets(Call call) {
    call.allow(Set.of("pending", "running"));
    ArrayNode out = Json.array();
    out.addObject()
        .put("vnet", "vnet100")
        .put("type", "vnet")
        .put("zone", "tenants")
        .put("tag", 100)
        .put("alias", "tenant-a")
        .put("digest", "7a8b9c");
    out.addObject()
        .put("vnet", "vnet200")
        .put("type", "vnet")
        .put("zone", "tenants")
        .put("tag", 200)
        .put("vlanaware", 1)
        .put("digest", "0d1e2f");
    return ApiResponse.ok(out);
  }
}
