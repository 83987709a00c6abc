package io.pdmgitops.simulator.pve;

import static io.pdmgitops.simulator.http.Json.flag;

import io.pdmgitops.simulator.config.StorageConfig;
import io.pdmgitops.simulator.http.ApiException;
import io.pdmgitops.simulator.http.ApiResponse;
import io.pdmgitops.simulator.http.Call;
import io.pdmgitops.simulator.http.Json;
import io.pdmgitops.simulator.http.Route;
import io.pdmgitops.simulator.http.TokenAuth;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The read side of PVE: version, cluster status and resources, nodes, guest lists and status. */
final class PveReadApi {
  static final String REPOID = "faa83925c9641325";
  private static final Set<String> RESOURCE_TYPES = Set.of("vm", "storage", "node", "sdn");

  private final PveCluster cluster;

  PveReadApi(PveCluster cluster) {
    this.cluster = cluster;
  }

  List<Route> routes() {
    return List.of(
        Route.of("GET", "/version", this::version),
        Route.of("GET", "/cluster/status", this::clusterStatus),
        Route.of("GET", "/cluster/resources", this::resources),
        Route.of("GET", "/cluster/nextid", this::nextId),
        Route.of("GET", "/nodes", this::nodes),
        Route.of("GET", "/nodes/{node}/status", this::nodeStatus),
        Route.of("GET", "/nodes/{node}/version", this::version),
        Route.of("GET", "/nodes/{node}/qemu", c -> guests(c, "qemu")),
        Route.of("GET", "/nodes/{node}/lxc", c -> guests(c, "lxc")),
        Route.of("GET", "/nodes/{node}/qemu/{vmid}/status/current", c -> current(c, "qemu")),
        Route.of("GET", "/nodes/{node}/lxc/{vmid}/status/current", c -> current(c, "lxc")));
  }

  private ApiResponse version(Call call) {
    if (call.var("node") != null) {
      cluster.reachableNode(call.var("node"));
    }
    String release = cluster.version().substring(0, cluster.version().lastIndexOf('.'));
    return ApiResponse.ok(
        Json.object()
            .put("version", cluster.version())
            .put("release", release)
            .put("repoid", REPOID));
  }

  private ApiResponse clusterStatus(Call call) {
    TokenAuth.require(call.token(), "/", "Sys.Audit");
    ArrayNode out = Json.array();
    if (cluster.nodes.size() > 1) {
      out.addObject()
          .put("type", "cluster")
          .put("id", "cluster")
          .put("name", cluster.name())
          .put("nodes", cluster.nodes.size())
          .put("quorate", flag(quorate()))
          .put("version", 7);
    }
    int nodeId = 1;
    boolean first = true;
    for (SimNode node : cluster.nodes.values()) {
      ObjectNode entry =
          out.addObject()
              .put("type", "node")
              .put("id", "node/" + node.name)
              .put("name", node.name)
              .put("nodeid", cluster.nodes.size() > 1 ? nodeId++ : 0)
              .put("local", flag(first))
              .put("online", flag(node.online))
              .put("level", node.level());
      entry.put("ip", "10.0.0." + nodeId);
      first = false;
    }
    return ApiResponse.ok(out);
  }

  private boolean quorate() {
    long online = cluster.nodes.values().stream().filter(n -> n.online).count();
    return online * 2 > cluster.nodes.size();
  }

  private ApiResponse resources(Call call) {
    call.allow(Set.of("type"));
    String type = call.string("type", null);
    if (type != null && !RESOURCE_TYPES.contains(type)) {
      throw ApiException.badParameter(
          "type",
          "value '" + type + "' does not have a value in the enumeration 'vm, storage, node, sdn'");
    }
    Instant now = cluster.now();
    ArrayNode out = Json.array();
    if (type == null || type.equals("vm")) {
      cluster.guests.values().forEach(g -> guestResource(out.addObject(), g, now));
    }
    if (type == null || type.equals("node")) {
      cluster.nodes.values().forEach(n -> nodeResource(out.addObject(), n, now));
    }
    if (type == null || type.equals("storage")) {
      for (StorageConfig s : cluster.storages()) {
        for (SimNode n : cluster.nodes.values()) {
          if (s.nodes().isEmpty() || s.nodes().contains(n.name)) {
            storageResource(out.addObject(), s, n);
          }
        }
      }
    }
    if (type == null || type.equals("sdn")) {
      // One entry per node and zone, from pvestatd's broadcast: available, pending (the node's
      // interfaces are older than the applied config) or error (pve-network Zones::status).
      for (SimNode n : cluster.nodes.values()) {
        for (String zone : PveInfoApi.ZONES) {
          if (!TokenAuth.has(call.token(), "/sdn/zones/" + zone, "SDN.Audit")) {
            continue;
          }
          out.addObject()
              .put("id", "sdn/" + n.name + "/" + zone)
              .put("type", "sdn")
              .put("sdn", zone)
              .put("node", n.name)
              .put(
                  "status",
                  !n.online
                      ? "unknown"
                      : cluster.sdnErrors.contains(n.name + "/" + zone) ? "error" : "available");
        }
      }
    }
    if (type == null) {
      cluster.guests.values().stream()
          .map(g -> g.pool)
          .filter(p -> p != null)
          .distinct()
          .sorted()
          .forEach(p -> out.addObject().put("id", "pool/" + p).put("type", "pool").put("pool", p));
    }
    return ApiResponse.ok(out);
  }

  private void guestResource(ObjectNode o, SimGuest g, Instant now) {
    boolean nodeOnline = cluster.nodes.get(g.node) == null || cluster.nodes.get(g.node).online;
    o.put("id", g.type + "/" + g.vmid)
        .put("type", g.type)
        .put("node", g.node)
        .put("vmid", g.vmid)
        .put("name", g.name)
        .put("status", nodeOnline ? g.status : "unknown")
        .put("template", flag(g.template))
        .put("maxcpu", g.cpus)
        .put("cpu", g.cpuLoad())
        .put("maxmem", g.maxmem)
        .put("mem", g.memUsed())
        .put("maxdisk", g.maxdisk)
        .put("disk", g.isQemu() || !g.isRunning() ? 0 : g.maxdisk / 3)
        .put("uptime", g.uptime(now))
        .put("netin", g.uptime(now) * 1_200)
        .put("netout", g.uptime(now) * 800)
        .put("diskread", g.uptime(now) * 4_000)
        .put("diskwrite", g.uptime(now) * 2_500);
    if (!g.tags.isEmpty()) {
      o.put("tags", String.join(";", g.tags));
    }
    if (g.lock != null) {
      o.put("lock", g.lock);
    }
    if (g.pool != null) {
      o.put("pool", g.pool);
    }
    if (g.ha) {
      o.put("hastate", g.haState());
    }
  }

  private void nodeResource(ObjectNode o, SimNode n, Instant now) {
    o.put("id", "node/" + n.name).put("type", "node").put("node", n.name);
    o.put("status", n.online ? "online" : "offline");
    if (!n.online) {
      return;
    }
    o.put("maxcpu", n.cpus)
        .put("cpu", nodeCpu(n))
        .put("maxmem", n.memory)
        .put("mem", nodeMem(n))
        .put("maxdisk", n.rootfs)
        .put("disk", n.rootfs / 4)
        .put("uptime", 1_209_600)
        .put("level", n.level())
        .put("cgroup-mode", 2);
  }

  private static void storageResource(ObjectNode o, StorageConfig s, SimNode n) {
    o.put("id", "storage/" + n.name + "/" + s.name())
        .put("type", "storage")
        .put("node", n.name)
        .put("storage", s.name())
        .put("status", n.online ? "available" : "unknown")
        .put("plugintype", s.type())
        .put("content", s.content())
        .put("shared", flag(s.shared()))
        .put("maxdisk", s.size())
        .put("disk", s.used());
  }

  private double nodeCpu(SimNode n) {
    double load =
        cluster.guests.values().stream()
            .filter(g -> g.node.equals(n.name))
            .mapToDouble(g -> g.cpuLoad() * g.cpus)
            .sum();
    return Math.min(1.0, 0.02 + load / n.cpus);
  }

  private long nodeMem(SimNode n) {
    long used =
        cluster.guests.values().stream()
            .filter(g -> g.node.equals(n.name))
            .mapToLong(SimGuest::memUsed)
            .sum();
    return Math.min(n.memory, (2L << 30) + used);
  }

  private ApiResponse nextId(Call call) {
    call.allow(Set.of("vmid"));
    if (call.request().param("vmid").isPresent()) {
      int wanted = PveCluster.vmid(call.string("vmid", ""));
      if (cluster.guests.containsKey(wanted)) {
        throw ApiException.badParameter("vmid", "VM " + wanted + " already exists");
      }
      return ApiResponse.ok(Json.text(String.valueOf(wanted)));
    }
    int id = 100;
    while (cluster.guests.containsKey(id)) {
      id++;
    }
    // PVE returns the id as a string.
    return ApiResponse.ok(Json.text(String.valueOf(id)));
  }

  private ApiResponse nodes(Call call) {
    ArrayNode out = Json.array();
    for (SimNode n : cluster.nodes.values()) {
      ObjectNode o = out.addObject();
      nodeResource(o, n, cluster.now());
      o.remove("cgroup-mode");
      o.put("ssl_fingerprint", cluster.tls().fingerprint());
    }
    return ApiResponse.ok(out);
  }

  private ApiResponse nodeStatus(Call call) {
    TokenAuth.require(call.token(), "/nodes/" + call.var("node"), "Sys.Audit");
    SimNode n = cluster.reachableNode(call.var("node"));
    ObjectNode o = Json.object();
    o.put("uptime", 1_209_600).put("idle", 0).put("cpu", nodeCpu(n)).put("wait", 0.0012);
    o.putArray("loadavg").add("0.15").add("0.25").add("0.30");
    String kernel = n.apt.runningKernel();
    String build = "#1 SMP PREEMPT_DYNAMIC PMX " + kernel.replace("-pve", "");
    o.put("kversion", "Linux " + kernel + " " + build);
    o.putObject("current-kernel")
        .put("sysname", "Linux")
        .put("release", kernel)
        .put("version", build)
        .put("machine", "x86_64");
    o.putObject("boot-info").put("mode", "efi").put("secureboot", 0);
    o.putObject("cpuinfo")
        .put("model", "AMD EPYC 7313P 16-Core Processor")
        .put("cores", n.cpus / 2)
        .put("cpus", n.cpus)
        .put("sockets", 1)
        .put("mhz", "3000.000")
        .put("hvm", "1")
        .put("flags", "fpu vme de pse tsc msr pae mce cx8 apic")
        .put("user_hz", 100);
    long mem = nodeMem(n);
    o.putObject("memory").put("total", n.memory).put("used", mem).put("free", n.memory - mem);
    o.putObject("swap").put("total", 8L << 30).put("used", 0).put("free", 8L << 30);
    o.putObject("ksm").put("shared", 0);
    o.putObject("rootfs")
        .put("total", n.rootfs)
        .put("used", n.rootfs / 4)
        .put("avail", n.rootfs * 3 / 4)
        .put("free", n.rootfs * 3 / 4);
    o.put("pveversion", "pve-manager/" + cluster.version() + "/" + REPOID);
    return ApiResponse.ok(o);
  }

  private ApiResponse guests(Call call, String type) {
    String node = cluster.reachableNode(call.var("node")).name;
    call.allow(type.equals("qemu") ? Set.of("full") : Set.of());
    boolean full = call.bool("full", false);
    Instant now = cluster.now();
    ArrayNode out = Json.array();
    for (SimGuest g : cluster.guests.values()) {
      if (g.node.equals(node) && g.type.equals(type)) {
        if (full) {
          GuestStatusView.fullListEntry(out.addObject(), g, now, cluster.major());
        } else {
          GuestStatusView.listEntry(out.addObject(), g, now, cluster.major());
        }
      }
    }
    return ApiResponse.ok(out);
  }

  private ApiResponse current(Call call, String type) {
    TokenAuth.require(call.token(), "/vms/" + call.var("vmid"), "VM.Audit");
    String node = cluster.reachableNode(call.var("node")).name;
    call.validate(GuestSchemas.pathOnly());
    SimGuest g = cluster.guestOn(node, type, call.var("vmid"));
    ObjectNode o = Json.object();
    GuestStatusView.current(o, g, cluster.now(), cluster.major());
    return ApiResponse.ok(o);
  }
}
