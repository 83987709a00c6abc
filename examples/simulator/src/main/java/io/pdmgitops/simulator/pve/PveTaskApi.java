package io.pdmgitops.simulator.pve;

import io.pdmgitops.simulator.http.ApiException;
import io.pdmgitops.simulator.http.ApiResponse;
import io.pdmgitops.simulator.http.Call;
import io.pdmgitops.simulator.http.Json;
import io.pdmgitops.simulator.http.Route;
import io.pdmgitops.simulator.http.TokenAuth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Task list, status, log and stop of a node, as pve-manager's Tasks.pm serves them: a caller who
 * did not start the task needs Sys.Audit on {@code /nodes/{node}} to read it and Sys.Modify to stop
 * it (the task's user is the UPID's, with the token name for a token's task, so a token owns
 * exactly the tasks it started).
 */
final class PveTaskApi {
  /** pve-common UPID.pm's parse regex. */
  private static final Pattern UPID =
      Pattern.compile(
          "^UPID:([a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?):([0-9A-Fa-f]{8}):([0-9A-Fa-f]{8,9})"
              + ":([0-9A-Fa-f]{8}):([^:\\s/]+):([^:\\s/]*):([^:\\s/]+):$");

  private final PveCluster cluster;

  PveTaskApi(PveCluster cluster) {
    this.cluster = cluster;
  }

  List<Route> routes() {
    return List.of(
        Route.of("GET", "/nodes/{node}/tasks", this::list),
        Route.of("GET", "/nodes/{node}/tasks/{upid}/status", this::status),
        Route.of("GET", "/nodes/{node}/tasks/{upid}/log", this::log),
        Route.of("DELETE", "/nodes/{node}/tasks/{upid}", this::stop));
  }

  private ApiResponse list(Call call) {
    call.allow(
        Set.of(
            "start",
            "limit",
            "userfilter",
            "typefilter",
            "vmid",
            "errors",
            "source",
            "since",
            "until",
            "statusfilter"));
    String node = cluster.reachableNode(call.var("node")).name;
    String source = call.string("source", "archive");
    if (!Set.of("archive", "active", "all").contains(source)) {
      throw ApiException.badParameter(
          "source",
          "value '" + source + "' does not have a value in the enumeration 'archive, active, all'");
    }
    long start = call.integer("start", 0);
    long limit = call.integer("limit", 50);
    boolean errorsOnly = call.bool("errors", false);
    String type = call.string("typefilter", null);
    String vmid = call.string("vmid", null);
    List<SimTask> matching =
        cluster.tasks.onNode(node).stream()
            .filter(
                t ->
                    source.equals("all")
                        || (source.equals("active") ? t.isRunning() : !t.isRunning()))
            .filter(t -> !errorsOnly || (!t.isRunning() && t.failed()))
            .filter(t -> type == null || t.type.equals(type))
            .filter(t -> vmid == null || t.id.equals(vmid))
            .toList();
    ArrayNode out = Json.array();
    matching.stream().skip(start).limit(limit).forEach(t -> describe(out.addObject(), t, true));
    return ApiResponse.paged(out, matching.size());
  }

  private ApiResponse status(Call call) {
    call.allow(Set.of());
    SimTask task = find(call).orElseThrow(() -> ApiException.badParameter("upid", "no such task"));
    ownerOr(call, "Sys.Audit");
    ObjectNode o = Json.object();
    describe(o, task, false);
    o.put("status", task.isRunning() ? "running" : "stopped");
    if (!task.isRunning()) {
      o.put("exitstatus", task.exitstatus);
    }
    return ApiResponse.ok(o);
  }

  private ApiResponse log(Call call) {
    Optional<SimTask> task = find(call);
    call.allow(Set.of("start", "limit", "download"));
    ownerOr(call, "Sys.Audit");
    long start = call.integer("start", 0);
    long limit = call.integer("limit", 50);
    ArrayNode out = Json.array();
    if (task.isEmpty()) {
      // Tasks.pm does not check; PVE::Tools::dump_logfile reports the missing file as a line.
      out.addObject().put("n", 1).put("t", "unable to open file - No such file or directory");
      return ApiResponse.paged(out, 1);
    }
    List<String> lines = task.get().log;
    for (int i = (int) start; i < lines.size() && (limit == 0 || i < start + limit); i++) {
      out.addObject().put("n", i + 1).put("t", lines.get(i));
    }
    return ApiResponse.paged(out, lines.size());
  }

  private ApiResponse stop(Call call) {
    call.allow(Set.of());
    SimTask task = find(call).orElseThrow(() -> ApiException.badParameter("upid", "no such task"));
    ownerOr(call, "Sys.Modify");
    if (task.isRunning()) {
      task.endtime = cluster.now().getEpochSecond();
      task.exitstatus = "interrupted by signal";
      task.log.add("received interrupt");
      task.log.add("TASK ERROR: " + task.exitstatus);
    }
    return ApiResponse.ok(null);
  }

  /** Tasks.pm's check: the task's own user passes, anyone else needs the privilege on the node. */
  private static void ownerOr(Call call, String privilege) {
    Matcher upid = UPID.matcher(call.var("upid"));
    if (!upid.matches() || !upid.group(8).equals(call.token().id())) {
      TokenAuth.require(call.token(), "/nodes/" + call.var("node"), privilege);
    }
  }

  /**
   * The task of a UPID, read on the node in the path (task logs are node-local files): a node the
   * cluster does not know fails in pveproxy's lookup before any of this.
   */
  private Optional<SimTask> find(Call call) {
    String node = cluster.reachableNode(call.var("node")).name;
    String upid = call.var("upid");
    if (!UPID.matcher(upid).matches()) {
      throw ApiException.badParameter("upid", "unable to parse worker upid");
    }
    return cluster.tasks.find(upid).filter(t -> t.node.equals(node));
  }

  private static void describe(ObjectNode o, SimTask t, boolean listItem) {
    int bang = t.user.indexOf('!');
    o.put("upid", t.upid)
        .put("node", t.node)
        .put("pid", t.pid)
        .put("pstart", t.pstart)
        .put("starttime", t.starttime)
        .put("type", t.type)
        .put("id", t.id)
        .put("user", bang < 0 ? t.user : t.user.substring(0, bang));
    if (bang >= 0) {
      o.put("tokenid", t.user.substring(bang + 1));
    }
    if (listItem) {
      if (t.isRunning()) {
        o.put("status", "RUNNING");
      } else {
        o.put("endtime", t.endtime).put("status", t.exitstatus);
      }
    }
  }
}
