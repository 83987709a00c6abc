package io.pdmgitops.simulator.pve;

import io.pdmgitops.simulator.http.ApiException;
import io.pdmgitops.simulator.http.ApiResponse;
import io.pdmgitops.simulator.http.Call;
import io.pdmgitops.simulator.http.Json;
import io.pdmgitops.simulator.http.Route;
import io.pdmgitops.simulator.http.TokenAuth;
import java.util.List;
import java.util.Set;

/**
 * Guest power actions with PVE's exact semantics (reference section 2.8): which refusals are
 * synchronous 500s, which come back as a UPID whose task fails, and which succeed at once.
 */
final class PvePowerApi {
  private static final Set<String> ROOT_ONLY = Set.of("skiplock", "keepActive", "migratedfrom");

  private final PveCluster cluster;

  PvePowerApi(PveCluster cluster) {
    this.cluster = cluster;
  }

  List<Route> routes() {
    return List.of(
        Route.of("POST", "/nodes/{node}/qemu/{vmid}/status/{action}", c -> act(c, "qemu")),
        Route.of("POST", "/nodes/{node}/lxc/{vmid}/status/{action}", c -> act(c, "lxc")));
  }

  private ApiResponse act(Call call, String type) {
    String action = call.var("action");
    if (!Set.of("start", "stop", "shutdown", "reboot", "reset", "suspend", "resume")
            .contains(action)
        || ("lxc".equals(type) && action.equals("reset"))) {
      return ApiResponse.error(501, "Method 'POST " + call.request().path() + "' not implemented");
    }
    call.allow(
        Set.of(
            "timeout",
            "forceStop",
            "skiplock",
            "keepActive",
            "overrule-shutdown",
            "todisk",
            "statestorage",
            "nocheck",
            "migratedfrom",
            "machine",
            "debug"));
    call.rootOnly(ROOT_ONLY);
    call.integer("timeout", 0);
    boolean force = call.bool("forceStop", false);
    call.bool("overrule-shutdown", false);
    String node = cluster.reachableNode(call.var("node")).name;
    int vmid = PveCluster.vmid(call.var("vmid"));
    TokenAuth.require(call.token(), "/vms/" + vmid, "VM.PowerMgmt");
    SimGuest g = cluster.guests.get(vmid);
    if (g == null || !g.node.equals(node) || !g.type.equals(type)) {
      if ("qemu".equals(type) && action.equals("start")) {
        // qm start forks first and fails inside the worker.
        String missing =
            "Configuration file 'nodes/" + node + "/qemu-server/" + vmid + ".conf' does not exist";
        return task(call, node, "qmstart", vmid, missing, () -> {});
      }
      cluster.guestOn(node, type, String.valueOf(vmid));
    }
    return g.isQemu() ? qemu(call, g, action, force) : lxc(call, g, action);
  }

  private ApiResponse qemu(Call call, SimGuest g, String action, boolean force) {
    String notRunning = "VM " + g.vmid + " not running";
    boolean paused = "paused".equals(g.qmpstatus);
    return switch (action) {
      case "start" -> {
        String outcome =
            g.template
                ? "you can't start a vm if it's a template"
                : g.isRunning() ? "VM " + g.vmid + " already running" : lockCheck(g, "suspended");
        yield task(
            call,
            g.node,
            g.ha ? "hastart" : "qmstart",
            g.vmid,
            outcome,
            () -> g.start(cluster.now()));
      }
      case "stop" ->
          task(
              call,
              g.node,
              g.ha ? "hastop" : "qmstop",
              g.vmid,
              g.isRunning() ? lockCheck(g, null) : "OK",
              g::stop);
      case "shutdown" -> {
        if (paused && !force) {
          throw ApiException.of(500, "VM is paused - cannot shutdown");
        }
        yield task(
            call,
            g.node,
            g.ha ? "hastop" : "qmshutdown",
            g.vmid,
            g.isRunning() ? lockCheck(g, null) : "OK",
            g::stop);
      }
      case "reboot" -> {
        requireRunning(g, notRunning);
        if (paused) {
          throw ApiException.of(500, "VM is paused - cannot shutdown");
        }
        yield task(
            call, g.node, "qmreboot", g.vmid, lockCheck(g, null), () -> g.start(cluster.now()));
      }
      case "reset" -> {
        requireRunning(g, notRunning);
        yield task(
            call, g.node, "qmreset", g.vmid, lockCheck(g, null), () -> g.start(cluster.now()));
      }
      case "suspend" -> {
        requireRunning(g, notRunning);
        boolean toDisk = call.bool("todisk", false);
        yield task(
            call,
            g.node,
            toDisk ? "qmsuspend" : "qmpause",
            g.vmid,
            "OK",
            toDisk ? g::stop : () -> g.qmpstatus = "paused");
      }
      default -> {
        requireRunning(g, notRunning);
        yield task(call, g.node, "qmresume", g.vmid, "OK", () -> g.qmpstatus = "running");
      }
    };
  }

  private ApiResponse lxc(Call call, SimGuest g, String action) {
    String notRunning = "CT " + g.vmid + " not running";
    return switch (action) {
      case "start" -> {
        if (g.isRunning()) {
          throw ApiException.of(500, "CT " + g.vmid + " already running");
        }
        String outcome =
            g.template ? "you can't start a CT if it's a template" : lockCheck(g, null);
        yield task(call, g.node, "vzstart", g.vmid, outcome, () -> g.start(cluster.now()));
      }
      case "stop" -> {
        requireRunning(g, notRunning);
        yield task(call, g.node, "vzstop", g.vmid, lockCheck(g, null), g::stop);
      }
      case "shutdown" -> {
        requireRunning(g, notRunning);
        yield task(call, g.node, "vzshutdown", g.vmid, lockCheck(g, null), g::stop);
      }
      case "reboot" -> {
        requireRunning(g, "VM " + g.vmid + " not running"); // pve-container's wording
        yield task(
            call, g.node, "vzreboot", g.vmid, lockCheck(g, null), () -> g.start(cluster.now()));
      }
      case "suspend" -> {
        requireRunning(g, notRunning);
        yield task(call, g.node, "vzsuspend", g.vmid, "OK", () -> g.qmpstatus = "paused");
      }
      default -> {
        if (g.isRunning() && !"paused".equals(g.qmpstatus)) {
          throw ApiException.of(500, "CT " + g.vmid + " already running");
        }
        yield task(call, g.node, "vzresume", g.vmid, "OK", () -> g.qmpstatus = "running");
      }
    };
  }

  private static void requireRunning(SimGuest g, String message) {
    if (!g.isRunning()) {
      throw ApiException.of(500, message);
    }
  }

  /** Inside the worker: "VM is locked (backup)", unless the lock is one the action may pass. */
  private static String lockCheck(SimGuest g, String allowed) {
    if (g.lock == null || g.lock.equals(allowed)) {
      return "OK";
    }
    return g.noun() + " is locked (" + g.lock + ")";
  }

  private ApiResponse task(
      Call call, String node, String type, int vmid, String outcome, Runnable effect) {
    SimTask task =
        cluster.tasks.start(
            node,
            type,
            String.valueOf(vmid),
            PveCluster.user(call.token()),
            cluster.now(),
            cluster.taskDuration(),
            outcome,
            effect);
    task.log.add(
        type.startsWith("qm") || type.startsWith("ha")
            ? "starting " + type + " for VM " + vmid
            : "starting " + type + " for CT " + vmid);
    return ApiResponse.ok(Json.text(task.upid));
  }
}
