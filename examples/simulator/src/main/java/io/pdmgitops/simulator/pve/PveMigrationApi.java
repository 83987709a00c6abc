package io.pdmgitops.simulator.pve;

import io.pdmgitops.simulator.config.GuestConfig;
import io.pdmgitops.simulator.http.ApiException;
import io.pdmgitops.simulator.http.ApiResponse;
import io.pdmgitops.simulator.http.Call;
import io.pdmgitops.simulator.http.Json;
import io.pdmgitops.simulator.http.Route;
import io.pdmgitops.simulator.http.TokenAuth;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * In-cluster {@code migrate} and cross-cluster {@code remote_migrate} (reference 2.12, 2.13). A
 * remote migration authenticates against the target simulator over HTTPS with the token and pin
 * from {@code target-endpoint}, learns the target node from its cluster status, and creates the
 * guest there through {@code mtunnel}; the guest holds lock {@code migrate} meanwhile.
 */
final class PveMigrationApi {
  private static final Pattern ID_MAP =
      Pattern.compile("^[A-Za-z0-9_.-]+(:[A-Za-z0-9_.-]+)?(,[A-Za-z0-9_.-]+(:[A-Za-z0-9_.-]+)?)*$");
  private static final DateTimeFormatter LOG_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final PveCluster cluster;

  PveMigrationApi(PveCluster cluster) {
    this.cluster = cluster;
  }

  List<Route> routes() {
    return List.of(
        Route.of("POST", "/nodes/{node}/qemu/{vmid}/migrate", c -> migrate(c, "qemu")),
        Route.of("POST", "/nodes/{node}/lxc/{vmid}/migrate", c -> migrate(c, "lxc")),
        Route.of("POST", "/nodes/{node}/qemu/{vmid}/remote_migrate", c -> remoteMigrate(c, "qemu")),
        Route.of("POST", "/nodes/{node}/lxc/{vmid}/remote_migrate", c -> remoteMigrate(c, "lxc")),
        Route.of("POST", "/nodes/{node}/qemu/{vmid}/mtunnel", c -> tunnel(c, "qemu")),
        Route.of("POST", "/nodes/{node}/lxc/{vmid}/mtunnel", c -> tunnel(c, "lxc")));
  }

  /**
   * qemu-server's and pve-container's {@code migrate_vm}: what they check before forking answers at
   * once; what {@code PVE::*Migrate::prepare} checks in the worker (a container's lock or live
   * migration, the SSH hop to the target) ends the task with "migration aborted".
   */
  private ApiResponse migrate(Call call, String type) {
    TokenAuth.require(call.token(), "/vms/" + call.var("vmid"), "VM.Migrate");
    String node = cluster.reachableNode(call.var("node")).name;
    call.validate(GuestSchemas.migrate(type, cluster.major()));
    String target = call.required("target");
    if (target.equals(node)) {
      throw ApiException.badParameter("target", "target is local node.");
    }
    SimNode targetNode = cluster.nodes.get(target);
    if (targetNode == null) {
      throw ApiException.of(500, "no such cluster node '" + target + "'");
    }
    boolean qemu = type.equals("qemu");
    if (qemu) {
      call.rootOnly(Set.of("force", "migration_type", "migration_network"));
    }
    SimGuest g = cluster.guestOn(node, type, call.var("vmid"));
    boolean online = call.bool("online", false);
    boolean restart = call.bool("restart", false);
    String failure = null;
    if (qemu) {
      checkLock(g);
      if (g.isRunning() && !online) {
        throw ApiException.of(500, "can't migrate running VM without --online");
      }
    } else {
      if (g.isRunning() && !online && !restart) {
        throw ApiException.of(500, "can't migrate running container without --online or --restart");
      }
      if (g.lock != null) {
        failure = "CT is locked (" + g.lock + ")";
      } else if (g.isRunning() && online) {
        failure = "lxc live migration is currently not implemented";
      }
    }
    if (failure == null && !targetNode.online) {
      failure = "Can't connect to destination address using public key";
    }
    boolean ok = failure == null;
    if (ok) {
      g.lock = "migrate"; // held until the task ends, as phase 1 does
    }
    String taskType = g.ha ? "hamigrate" : qemu ? "qmigrate" : "vzmigrate";
    SimTask task =
        cluster.tasks.start(
            node,
            taskType,
            String.valueOf(g.vmid),
            PveCluster.user(call.token()),
            cluster.now(),
            ok ? cluster.taskDuration() : java.time.Duration.ZERO,
            ok ? "OK" : "migration aborted",
            () -> {});
    boolean wasRunning = g.isRunning();
    task.effect =
        () -> {
          g.node = target;
          g.lock = null;
          if (wasRunning && !qemu) {
            g.start(cluster.now()); // restart mode: shut down, moved, started on the target
          }
          log(
              task,
              "migration finished successfully (duration "
                  + duration(cluster.taskDuration())
                  + ")");
        };
    if (ok) {
      log(task, "starting migration of " + g.noun() + " " + g.vmid + " to node '" + target + "'");
    } else {
      log(task, "ERROR: migration aborted (duration 00:00:00): " + failure);
    }
    return ApiResponse.ok(Json.text(task.upid));
  }

  private ApiResponse remoteMigrate(Call call, String type) {
    TokenAuth.require(call.token(), "/vms/" + call.var("vmid"), "VM.Migrate");
    String node = cluster.reachableNode(call.var("node")).name;
    call.validate(GuestSchemas.remoteMigrate(type));
    RemoteTarget target = RemoteTarget.parse(call.required("target-endpoint"));
    String targetNode = call.required(RemoteMigrationPreflight.TARGET_NODE);
    boolean online = call.bool("online", false);
    boolean delete = call.bool("delete", false);
    boolean restart = call.bool("restart", false);
    SimGuest g = cluster.guestOn(node, type, call.var("vmid"));
    int targetVmid = (int) call.integer("target-vmid", g.vmid);
    checkLock(g);
    if (g.isQemu()) {
      if (g.ha) {
        throw ApiException.badParameter("vmid", "cannot migrate HA-managed VM to remote cluster");
      }
      if (g.isRunning() && !online) {
        throw ApiException.of(500, "can't migrate running VM without --online");
      }
    } else {
      if (g.isRunning() && !online && !restart) {
        throw ApiException.of(500, "can't migrate running container without --online or --restart");
      }
      if (g.ha) {
        throw ApiException.badParameter("vmid", "cannot migrate HA-managed CT to remote cluster");
      }
    }
    String storages = idMap(call, "target-storage");
    String bridges = idMap(call, "target-bridge");
    if (storages.equals("1")) {
      throw ApiException.of(500, "remote migration requires explicit storage mapping!");
    }
    if (!g.isQemu() && g.isRunning() && online) {
      // PVE::LXC::Migrate::prepare refuses before the tunnel is opened.
      SimTask task =
          cluster.tasks.start(
              node,
              "vzmigrate",
              String.valueOf(g.vmid),
              PveCluster.user(call.token()),
              cluster.now(),
              java.time.Duration.ZERO,
              "migration aborted",
              () -> {});
      log(
          task,
          "ERROR: migration aborted (duration 00:00:00): "
              + "lxc live migration is currently not implemented");
      return ApiResponse.ok(Json.text(task.upid));
    }
    SimTask task =
        cluster.tasks.startDeferred(
            node,
            g.isQemu() ? "qmigrate" : "vzmigrate",
            String.valueOf(g.vmid),
            PveCluster.user(call.token()),
            cluster.now());
    log(task, "remote migration of " + g.noun() + " " + g.vmid + " to " + target);
    Map<String, String> tunnel = new LinkedHashMap<>();
    tunnel.put("storages", storages);
    tunnel.put("bridges", bridges);
    tunnel.put("sim-name", g.name);
    tunnel.put("sim-status", g.isRunning() && (online || restart) ? "running" : "stopped");
    tunnel.put("sim-cpus", String.valueOf(g.cpus));
    tunnel.put("sim-memory", String.valueOf(g.maxmem));
    tunnel.put("sim-disk", String.valueOf(g.maxdisk));
    tunnel.put("sim-tags", String.join(";", g.tags));
    Runnable moved =
        () -> {
          g.lock = null;
          g.stop();
          if (delete) {
            cluster.guests.remove(g.vmid);
          }
        };
    Runnable aborted = () -> g.lock = null;
    try {
      cluster.runOutsideLock(
          () -> transfer(task, target, targetNode, type, targetVmid, tunnel, moved, aborted));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      throw ApiException.of(500, "the simulator is shutting down");
    }
    // Still under the cluster lock, so the worker's decision cannot come before this.
    g.lock = "migrate";
    return ApiResponse.ok(Json.text(task.upid));
  }

  /** The worker: the tunnel to the target, then the outcome; it always decides the task. */
  private void transfer(
      SimTask task,
      RemoteTarget target,
      String targetNode,
      String type,
      int targetVmid,
      Map<String, String> tunnel,
      Runnable moved,
      Runnable aborted) {
    String outcome = "migration aborted";
    try {
      Thread.sleep(cluster.taskDuration().toMillis());
      target.post("/nodes/" + targetNode + "/" + type + "/" + targetVmid + "/mtunnel", tunnel);
      cluster.log(task, line("target node: " + targetNode + ", target vmid: " + targetVmid));
      outcome = "OK";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      cluster.log(task, line("ERROR: " + RemoteTarget.describe(e)));
    } finally {
      boolean ok = outcome.equals("OK");
      cluster.log(task, line(ok ? "migration finished successfully" : "migration aborted"));
      cluster.decide(task, outcome, moved, aborted);
    }
  }

  private static String duration(java.time.Duration d) {
    return String.format(
        "%02d:%02d:%02d", d.toHours(), d.toMinutesPart(), Math.max(1, d.toSecondsPart()));
  }

  /**
   * The target side: receives the guest. Simulator-only {@code sim-*} parameters carry its config.
   */
  private ApiResponse tunnel(Call call, String type) {
    String node = cluster.reachableNode(call.var("node")).name;
    int vmid = PveCluster.vmid(call.var("vmid"));
    TokenAuth.require(call.token(), "/vms/" + vmid, "VM.Allocate");
    if (cluster.guests.containsKey(vmid)) {
      throw ApiException.of(500, "VM " + vmid + " already exists");
    }
    String tags = call.string("sim-tags", "");
    GuestConfig config =
        new GuestConfig(
            vmid,
            call.string("sim-name", "VM " + vmid),
            type,
            node,
            call.string("sim-status", "stopped"),
            (int) call.integer("sim-cpus", 1),
            call.integer("sim-memory", 1L << 30),
            call.integer("sim-disk", 8L << 30),
            tags.isEmpty() ? List.of() : Arrays.asList(tags.split(";")),
            null,
            false,
            false,
            null,
            false);
    SimGuest guest = new SimGuest(config, cluster.now());
    if ("running".equals(config.status())) {
      guest.start(cluster.now());
    }
    cluster.guests.put(vmid, guest);
    SimTask task =
        cluster.tasks.start(
            node,
            type.equals("qemu") ? "qmtunnel" : "vztunnel",
            String.valueOf(vmid),
            PveCluster.user(call.token()),
            cluster.now(),
            java.time.Duration.ZERO,
            "OK",
            () -> {});
    return ApiResponse.ok(
        Json.object()
            .put("ticket", "PVETUNNEL:" + Long.toHexString(cluster.now().getEpochSecond()))
            .put("upid", task.upid)
            .put("socket", "/run/qemu-server/" + vmid + ".mtunnel"));
  }

  private static String idMap(Call call, String name) {
    String value = call.required(name);
    if (!ID_MAP.matcher(value).matches()) {
      throw ApiException.badParameter(
          name, "invalid format - value '" + value + "' does not look like a valid ID map");
    }
    return value;
  }

  private static void checkLock(SimGuest g) {
    if (g.lock != null) {
      throw ApiException.of(500, g.noun() + " is locked (" + g.lock + ")");
    }
  }

  private void log(SimTask task, String message) {
    task.log.add(line(message));
  }

  private String line(String message) {
    return LocalDateTime.ofInstant(cluster.now(), ZoneOffset.UTC).format(LOG_TIME) + " " + message;
  }
}
