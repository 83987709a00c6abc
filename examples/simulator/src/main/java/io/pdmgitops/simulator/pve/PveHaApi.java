package io.pdmgitops.simulator.pve;

import io.pdmgitops.simulator.http.ApiResponse;
import io.pdmgitops.simulator.http.Call;
import io.pdmgitops.simulator.http.Json;
import io.pdmgitops.simulator.http.Route;
import io.pdmgitops.simulator.http.TokenAuth;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;

/**
 * The HA manager's view, as pve-ha-manager's {@code PVE/API2/HA/Status.pm} (4.0.x) gives it: {@code
 * GET /cluster/ha/status/current} with a quorum entry, the master, one LRM per node and one entry
 * per HA resource; and {@code GET /cluster/ha/resources}. Both need Sys.Audit on {@code /}.
 *
 * <p>Status texts are the manager's: {@code "pve1 (active, Tue Dec 3 10:00:00 2026)"}, a node whose
 * status stopped updating {@code "old timestamp - dead?"}, an LRM without services {@code idle}.
 * The master is the first online node of a quorate cluster.
 */
final class PveHaApi {
  /** Perl's {@code localtime} in scalar context. */
  private static final DateTimeFormatter CTIME =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final PveCluster cluster;

  PveHaApi(PveCluster cluster) {
    this.cluster = cluster;
  }

  List<Route> routes() {
    return List.of(
        Route.of("GET", "/cluster/ha/status/current", this::current),
        Route.of("GET", "/cluster/ha/resources", this::resources));
  }

  private boolean quorate() {
    long online = cluster.nodes.values().stream().filter(n -> n.online).count();
    return online * 2 > cluster.nodes.size();
  }

  private ApiResponse current(Call call) {
    TokenAuth.require(call.token(), "/", "Sys.Audit");
    call.allow(Set.of());
    Instant now = cluster.now();
    long fresh = now.getEpochSecond() - 5;
    long stale = now.getEpochSecond() - 600;
    boolean quorate = quorate();
    String local =
        cluster.nodes.values().stream()
            .filter(n -> n.online)
            .map(n -> n.name)
            .findFirst()
            .orElse(cluster.nodes.keySet().iterator().next());
    ArrayNode out = Json.array();
    out.addObject()
        .put("id", "quorum")
        .put("type", "quorum")
        .put("node", local)
        .put("status", quorate ? "OK" : "No quorum on node '" + local + "'!")
        .put("quorate", quorate ? 1 : 0);
    List<SimGuest> managed = cluster.guests.values().stream().filter(g -> g.ha).toList();
    if (managed.isEmpty()) {
      // No resource was ever configured: the manager has no status to show.
      return ApiResponse.ok(out);
    }
    long masterTime = quorate ? fresh : stale;
    out.addObject()
        .put("id", "master")
        .put("type", "master")
        .put("node", local)
        .put(
            "status",
            local + " (" + state(masterTime, now, "active") + ", " + ctime(masterTime) + ")")
        .put("timestamp", masterTime);
    for (SimNode n : cluster.nodes.values()) {
      long time = n.online ? fresh : stale;
      boolean busy = managed.stream().anyMatch(g -> g.node.equals(n.name));
      out.addObject()
          .put("id", "lrm:" + n.name)
          .put("type", "lrm")
          .put("node", n.name)
          .put(
              "status",
              n.name + " (" + state(time, now, busy ? "active" : "idle") + ", " + ctime(time) + ")")
          .put("timestamp", time);
    }
    for (SimGuest g : managed) {
      String state = g.haState();
      out.addObject()
          .put("id", "service:" + g.haSid())
          .put("type", "service")
          .put("sid", g.haSid())
          .put("node", g.node)
          .put("state", state)
          .put("crm_state", state)
          .put("request_state", g.isRunning() || "error".equals(g.haFault) ? "started" : "stopped")
          .put("status", g.haSid() + " (" + g.node + ", " + state + ")")
          .put("max_restart", 1)
          .put("max_relocate", 1);
    }
    return ApiResponse.ok(out);
  }

  private static String state(long timestamp, Instant now, String alive) {
    return now.getEpochSecond() - timestamp > 60 ? "old timestamp - dead?" : alive;
  }

  private static String ctime(long epoch) {
    return CTIME.format(Instant.ofEpochSecond(epoch));
  }

  private ApiResponse resources(Call call) {
    TokenAuth.require(call.token(), "/", "Sys.Audit");
    call.validate(
        io.pdmgitops.simulator.http.ParamSchema.of(
            io.pdmgitops.simulator.http.ParamSchema.Param.optional(
                    "type", io.pdmgitops.simulator.http.ParamSchema.Type.STRING)
                .oneOf("ct", "vm")));
    String type = call.string("type", null);
    ArrayNode out = Json.array();
    for (SimGuest g : cluster.guests.values()) {
      if (g.ha && (type == null || type.equals(g.isQemu() ? "vm" : "ct"))) {
        out.addObject()
            .put("sid", g.haSid())
            .put("type", g.isQemu() ? "vm" : "ct")
            .put("state", g.isRunning() || "error".equals(g.haFault) ? "started" : "stopped")
            .put("max_restart", 1)
            .put("max_relocate", 1)
            .put("digest", "d3b07384d113edec49eaa6238ad5ff00");
      }
    }
    return ApiResponse.ok(out);
  }
}
