package io.pdmgitops.simulator.pve;

import io.pdmgitops.simulator.http.ApiException;
import io.pdmgitops.simulator.http.ApiResponse;
import io.pdmgitops.simulator.http.Call;
import io.pdmgitops.simulator.http.Json;
import io.pdmgitops.simulator.http.ParamSchema;
import io.pdmgitops.simulator.http.Route;
import io.pdmgitops.simulator.http.TokenAuth;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Guest power actions with PVE's exact semantics (reference section 2.8): which refusals are
 * synchronous 500s, which come back as a UPID whose task fails, and which succeed at once. The
 * order of the checks is pveproxy's: permission, then the hop to the node (500/595/596), then the
 * schema (one 400 with every bad parameter), then the handler.
 */
final class PvePowerApi {
  /** Parameters qemu-server and pve-container refuse unless the caller is root@pam. */
  private static final Set<String> ROOT_ONLY =
      new LinkedHashSet<>(
          List.of(
              "stateuri",
              "skiplock",
              "migratedfrom",
              "migration_type",
              "migration_network",
              "targetstorage",
              "force-cpu",
              "nets-host-mtu",
              "with-conntrack-state",
              "keepActive",
              "nocheck"));

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
    Optional<ParamSchema> schema = GuestSchemas.power(type, action, cluster.major());
    if (schema.isEmpty()) {
      return ApiResponse.error(501, "Method 'POST " + call.request().path() + "' not implemented");
    }
    TokenAuth.require(call.token(), "/vms/" + call.var("vmid"), "VM.PowerMgmt");
    String node = cluster.reachableNode(call.var("node")).name;
    call.validate(schema.get());
    call.rootOnly(ROOT_ONLY);
    int vmid = PveCluster.vmid(call.var("vmid"));
    SimGuest g = cluster.guests.get(vmid);
    if (g == null || !g.node.equals(node) || !g.type.equals(type)) {
      return missing(call, node, type, action, vmid);
    }
    return g.isQemu() ? qemu(call, g, action) : lxc(call, g, action);
  }

  /**
   * A guest whose config is not on this node: the checks that read the config before forking fail
   * at once, the others fork and the task fails when the worker loads the config.
   */
  private ApiResponse missing(Call call, String node, String type, String action, int vmid) {
    String noConfig =
        "Configuration file 'nodes/"
            + node
            + "/"
            + (type.equals("qemu") ? "qemu-server" : "lxc")
            + "/"
            + vmid
            + ".conf' does not exist";
    if (type.equals("qemu")) {
      return switch (action) {
        case "start", "stop", "shutdown" ->
            task(call, node, "qm" + action, vmid, noConfig, () -> {});
        // check_running() asserts the config file first (QemuConfig::assert_config_exists_on_node).
        default ->
            throw ApiException.of(
                500,
                "unable to find configuration file for VM " + vmid + " on node '" + node + "'");
      };
    }
    return switch (action) {
      case "start" -> task(call, node, "vzstart", vmid, noConfig, () -> {});
      case "resume" -> task(call, node, "vzresume", vmid, checkpointFailure(vmid), () -> {});
      // pve-container asks lxc whether the CT runs; a missing one simply does not.
      case "reboot" -> throw ApiException.of(500, "VM " + vmid + " not running");
      default -> throw ApiException.of(500, "CT " + vmid + " not running");
    };
  }

  private ApiResponse qemu(Call call, SimGuest g, String action) {
    String notRunning = "VM " + g.vmid + " not running";
    boolean paused = "paused".equals(g.qmpstatus);
    return switch (action) {
      case "start" -> {
        String outcome =
            g.template
                ? "you can't start a vm if it's a template"
                : g.isRunning() ? "VM " + g.vmid + " already running" : lockCheck(g, "suspended");
        yield task(call, g.node, g.ha ? "hastart" : "qmstart", g.vmid, outcome, () -> started(g));
      }
      case "stop" -> {
        refuseOverruleForHa(call, g);
        yield task(
            call,
            g.node,
            g.ha ? "hastop" : "qmstop",
            g.vmid,
            g.isRunning() ? lockCheck(g, null) : "OK",
            g::stop);
      }
      case "shutdown" -> {
        if (paused && !call.bool("forceStop", false)) {
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
        if (paused) {
          throw ApiException.of(500, "VM is paused - cannot shutdown");
        }
        requireRunning(g, notRunning);
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
        if (toDisk && g.ha) {
          throw ApiException.of(500, "Cannot suspend HA managed VM to disk");
        }
        Runnable effect =
            toDisk
                ? () -> {
                  g.stop(); // the state is saved, QEMU quits, lock 'suspended' remains
                  g.lock = "suspended";
                }
                : () -> g.qmpstatus = "paused";
        yield task(
            call, g.node, toDisk ? "qmsuspend" : "qmpause", g.vmid, lockCheck(g, "backup"), effect);
      }
      default -> {
        // A VM hibernated with todisk is resumed by starting it.
        boolean hibernated = "suspended".equals(g.lock) && !g.isRunning();
        if (!hibernated) {
          requireRunning(g, notRunning);
        }
        yield task(
            call,
            g.node,
            "qmresume",
            g.vmid,
            hibernated ? "OK" : lockCheck(g, "backup"),
            hibernated ? () -> started(g) : () -> g.qmpstatus = "running");
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
        yield task(call, g.node, g.ha ? "hastart" : "vzstart", g.vmid, outcome, () -> started(g));
      }
      case "stop" -> {
        requireRunning(g, notRunning);
        refuseOverruleForHa(call, g);
        yield task(call, g.node, g.ha ? "hastop" : "vzstop", g.vmid, lockCheck(g, null), g::stop);
      }
      case "shutdown" -> {
        requireRunning(g, notRunning);
        yield task(
            call, g.node, g.ha ? "hastop" : "vzshutdown", g.vmid, lockCheck(g, null), g::stop);
      }
      case "reboot" -> {
        requireRunning(g, "VM " + g.vmid + " not running"); // pve-container's wording
        yield task(
            call, g.node, "vzreboot", g.vmid, lockCheck(g, null), () -> g.start(cluster.now()));
      }
      case "suspend" -> {
        requireRunning(g, notRunning);
        // lxc-checkpoint -s: the state goes to disk and the container stops.
        yield task(
            call,
            g.node,
            "vzsuspend",
            g.vmid,
            lockCheck(g, null),
            () -> {
              g.stop();
              g.checkpointed = true;
            });
      }
      default -> {
        if (g.isRunning()) {
          throw ApiException.of(500, "CT " + g.vmid + " already running");
        }
        yield task(
            call,
            g.node,
            "vzresume",
            g.vmid,
            g.checkpointed ? "OK" : checkpointFailure(g.vmid),
            () -> started(g));
      }
    };
  }

  private void started(SimGuest g) {
    g.start(cluster.now());
    g.checkpointed = false;
    if ("suspended".equals(g.lock)) {
      g.lock = null; // the saved state was loaded
    }
  }

  /** {@code lxc-checkpoint -r} without a checkpoint: run_command's failure text. */
  private static String checkpointFailure(int vmid) {
    return "command 'lxc-checkpoint -n "
        + vmid
        + " -r --foreground -D /var/lib/vz/dump' failed: exit code 1";
  }

  private static void refuseOverruleForHa(Call call, SimGuest g) {
    if (g.ha && call.bool("overrule-shutdown", false)) {
      throw ApiException.badParameter("overrule-shutdown", "Not applicable for HA resources.");
    }
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
