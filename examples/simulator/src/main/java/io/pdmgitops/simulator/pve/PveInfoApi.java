package io.pdmgitops.simulator.pve;

import io.pdmgitops.simulator.config.SubscriptionConfig;
import io.pdmgitops.simulator.http.ApiException;
import io.pdmgitops.simulator.http.ApiResponse;
import io.pdmgitops.simulator.http.Call;
import io.pdmgitops.simulator.http.Json;
import io.pdmgitops.simulator.http.ParamSchema;
import io.pdmgitops.simulator.http.ParamSchema.Param;
import io.pdmgitops.simulator.http.ParamSchema.Type;
import io.pdmgitops.simulator.http.Route;
import io.pdmgitops.simulator.http.TokenAuth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Health and configuration views: RRD series, subscription, firewall and SDN (reference sections
 * 2.14 to 2.17), in their real field names and types.
 */
final class PveInfoApi {
  /**
   * Points per timeframe and their spacing in seconds. Up to PVE 8 (the {@code pve2-*} RRD files)
   * pve-cluster's {@code create_rrd_data} asks for 70 rows at every resolution; PVE 9's {@code
   * pve-*-9.0} files keep finer series (pve-cluster {@code src/PVE/RRD.pm}, {@code $setup}).
   */
  private static final Map<String, long[]> TIMEFRAMES_PVE2 =
      Map.of(
          "hour", new long[] {70, 60},
          "day", new long[] {70, 1_800},
          "week", new long[] {70, 10_800},
          "month", new long[] {70, 43_200},
          "year", new long[] {70, 604_800});

  private static final Map<String, long[]> TIMEFRAMES_PVE9 =
      Map.of(
          "hour", new long[] {60, 60},
          "day", new long[] {1_440, 60},
          "week", new long[] {336, 1_800},
          "month", new long[] {1_440, 1_800},
          "year", new long[] {1_440, 21_600});

  private static final Param TIMEFRAME =
      Param.required("timeframe", Type.STRING).oneOf("hour", "day", "week", "month", "year");
  private static final Param CF = Param.optional("cf", Type.STRING).oneOf("AVERAGE", "MAX");
  private static final ParamSchema NODE_RRD =
      ParamSchema.of(Param.node("node", false), TIMEFRAME, CF);
  private static final ParamSchema GUEST_RRD =
      ParamSchema.of(Param.node("node", false), Param.vmid("vmid", false), TIMEFRAME, CF);
  private static final ParamSchema STORAGE_RRD =
      ParamSchema.of(
          Param.node("node", false),
          Param.required("storage", Type.STRING).format(ParamSchema.Format.PVE_STORAGE_ID),
          TIMEFRAME,
          CF);

  private static final String PRICING =
      "https://www.proxmox.com/en/proxmox-virtual-environment/pricing";

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
        Route.of("GET", "/nodes/{node}/subscription", this::subscription),
        Route.of("GET", "/cluster/firewall/rules", this::firewallRules),
        Route.of("GET", "/cluster/sdn/zones", this::sdnZones),
        Route.of("GET", "/cluster/sdn/vnets", this::sdnVnets));
  }

  private long[] timeframe(Call call, ParamSchema schema) {
    call.validate(schema);
    return (cluster.major() >= 9 ? TIMEFRAMES_PVE9 : TIMEFRAMES_PVE2)
        .get(call.string("timeframe", "hour"));
  }

  /** Rows ending at the last full step, oldest first, with a gentle deterministic wave. */
  private ArrayNode series(long[] shape, java.util.function.BiConsumer<ObjectNode, Double> values) {
    ArrayNode out = Json.array();
    long step = shape[1];
    long ctime = cluster.now().getEpochSecond() / step * step;
    for (long i = shape[0]; i >= 1; i--) {
      long time = ctime - i * step;
      ObjectNode point = out.addObject().put("time", time);
      values.accept(point, 0.5 + 0.5 * Math.sin(time / 3_600.0));
    }
    return out;
  }

  private ApiResponse nodeRrd(Call call) {
    TokenAuth.require(call.token(), "/nodes/" + call.var("node"), "Sys.Audit");
    SimNode n = cluster.reachableNode(call.var("node"));
    return ApiResponse.ok(
        series(
            timeframe(call, NODE_RRD),
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

  /**
   * Guest RRD files live on every node and the schema has no {@code proxyto}: the node in the path
   * is not consulted, and a guest without an RRD file is RRDs' error.
   */
  private ApiResponse guestRrd(Call call, String type) {
    TokenAuth.require(call.token(), "/vms/" + call.var("vmid"), "VM.Audit");
    long[] shape = timeframe(call, GUEST_RRD);
    int vmid = PveCluster.vmid(call.var("vmid"));
    SimGuest g = cluster.guests.get(vmid);
    if (g == null) {
      String file = cluster.major() >= 9 ? "pve-vm-9.0/" : "pve2-vm/";
      throw ApiException.of(
          500,
          "RRD error: opening '/var/lib/rrdcached/db/"
              + file
              + vmid
              + "': No such file or directory");
    }
    boolean running = g.isRunning();
    return ApiResponse.ok(
        series(
            shape,
            (p, wave) -> {
              p.put("maxcpu", g.cpus)
                  .put("maxmem", (double) g.maxmem)
                  .put("maxdisk", (double) g.maxdisk);
              p.put("disk", g.isQemu() || !running ? 0.0 : g.maxdisk / 3.0);
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
    long[] shape = timeframe(call, STORAGE_RRD);
    var storage =
        cluster.storages().stream()
            .filter(s -> s.name().equals(call.var("storage")))
            .findFirst()
            .orElseThrow(
                () -> ApiException.of(500, "storage '" + call.var("storage") + "' does not exist"));
    return ApiResponse.ok(
        series(
            shape,
            (p, wave) ->
                p.put("total", (double) storage.size()).put("used", (double) storage.used())));
  }

  /**
   * pve-manager {@code PVE/API2/Subscription.pm} (7.3+): anyone may ask, the details need Sys.Audit
   * on the node; the info itself is proxmox-subscription's {@code SubscriptionInfo} (absent fields
   * left out), with {@code level} only for an active key.
   */
  private ApiResponse subscription(Call call) {
    SimNode n = cluster.reachableNode(call.var("node"));
    call.allow(Set.of());
    boolean audit = TokenAuth.has(call.token(), "/nodes/" + n.name, "Sys.Audit");
    SubscriptionConfig sub = n.subscription;
    String serverId = String.format("%032X", n.name.hashCode() & 0xffffffffL);
    ObjectNode o = Json.object().put("status", status(sub.status()));
    if (!sub.hasKey()) {
      o.put("message", "There is no subscription key").put("url", PRICING);
      if (audit) {
        o.put("serverid", serverId);
      }
      return ApiResponse.ok(o);
    }
    if (!audit) {
      // Perl copies the message even when there is none: an undef becomes null.
      o.put("message", sub.message()).put("url", PRICING);
      return ApiResponse.ok(o);
    }
    o.put("serverid", serverId);
    String key =
        "pve1" + sub.level() + "-" + String.format("%010x", n.name.hashCode() & 0xffffffffL);
    if (!sub.status().equals("new")) {
      o.put("checktime", cluster.now().getEpochSecond() - 3_600).put("key", key);
      if (sub.message() != null) {
        o.put("message", sub.message());
      }
      o.put("productname", productName(sub.level())).put("regdate", "2024-01-15 00:00:00");
      if (sub.nextDueDate() != null) {
        o.put("nextduedate", sub.nextDueDate());
      }
    } else {
      o.put("key", key);
    }
    o.put("url", PRICING);
    if (sub.status().equals("active")) {
      o.put("level", sub.level());
    }
    o.put("sockets", 1);
    return ApiResponse.ok(o);
  }

  /** Before PVE 7.3 the status was capitalised: NotFound, Active, ... */
  private String status(String status) {
    if (!cluster.legacySubscriptionCase()) {
      return status;
    }
    return status.equals("notfound")
        ? "NotFound"
        : Character.toUpperCase(status.charAt(0)) + status.substring(1);
  }

  private static String productName(String level) {
    String name =
        switch (level) {
          case "b" -> "Basic";
          case "s" -> "Standard";
          case "p" -> "Premium";
          default -> "Community";
        };
    return "Proxmox VE " + name + " Subscription 1 CPU/year";
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

  /** The zones every simulated cluster has; {@code localnetwork} stands for the plain bridges. */
  static final List<String> ZONES = List.of("localnetwork", "localnet", "tenants");

  /**
   * pve-network's zones index: filtered by SDN.Audit on {@code /sdn/zones/<zone>}; with {@code
   * pending=1} a zone edited since the last apply carries {@code state: changed} and its new values
   * under {@code pending} (an object, though the schema says boolean), and digests are null.
   */
  private ApiResponse sdnZones(Call call) {
    call.allow(Set.of("type", "pending", "running"));
    boolean pending = call.bool("pending", false);
    ArrayNode out = Json.array();
    if (TokenAuth.has(call.token(), "/sdn/zones/localnet", "SDN.Audit")) {
      ObjectNode localnet =
          out.addObject().put("zone", "localnet").put("type", "simple").put("ipam", "pve");
      digest(localnet, pending, "1a2b3c");
      sdnState(localnet, pending, "localnet", "dhcp", "dnsmasq");
    }
    if (TokenAuth.has(call.token(), "/sdn/zones/tenants", "SDN.Audit")) {
      ObjectNode tenants =
          out.addObject()
              .put("zone", "tenants")
              .put("type", "vxlan")
              .put("mtu", 1450)
              .put("peers", "10.0.0.1,10.0.0.2")
              .put("ipam", "pve");
      digest(tenants, pending, "4d5e6f");
      sdnState(tenants, pending, "tenants", "mtu", 1400);
    }
    return ApiResponse.ok(out);
  }

  private void sdnState(ObjectNode o, boolean pending, String zone, String key, Object value) {
    if (pending && cluster.sdnPending.contains(zone)) {
      o.put("state", "changed");
      ObjectNode p = o.putObject("pending");
      if (value instanceof Integer i) {
        p.put(key, i);
      } else {
        p.put(key, String.valueOf(value));
      }
    }
  }

  private static void digest(ObjectNode o, boolean pending, String digest) {
    if (pending) {
      o.putNull("digest");
    } else {
      o.put("digest", digest);
    }
  }

  private ApiResponse sdnVnets(Call call) {
    call.allow(Set.of("pending", "running"));
    boolean pending = call.bool("pending", false);
    ArrayNode out = Json.array();
    if (!TokenAuth.has(call.token(), "/sdn/zones/tenants", "SDN.Audit")) {
      return ApiResponse.ok(out);
    }
    ObjectNode a =
        out.addObject()
            .put("vnet", "vnet100")
            .put("type", "vnet")
            .put("zone", "tenants")
            .put("tag", 100)
            .put("alias", "tenant-a");
    digest(a, pending, "7a8b9c");
    ObjectNode b =
        out.addObject()
            .put("vnet", "vnet200")
            .put("type", "vnet")
            .put("zone", "tenants")
            .put("tag", 200)
            .put("vlanaware", 1);
    digest(b, pending, "0d1e2f");
    return ApiResponse.ok(out);
  }
}
