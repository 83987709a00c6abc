package io.pdmgitops.webui.api;

import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;
import static org.springdoc.core.fn.builders.parameter.Builder.parameterBuilder;

import io.pdmgitops.webui.tasks.TaskLogView;
import io.pdmgitops.webui.tasks.TaskPage;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import java.util.function.Consumer;
import org.springdoc.core.fn.builders.operation.Builder;
import org.springframework.http.ProblemDetail;

/**
 * The OpenAPI description of each route, next to nothing else: {@link ApiRoutes} hands these to
 * springdoc's route builder, so a route cannot exist undocumented. The builders at the end serve
 * the other routers of {@code /api/v1} (plan, control) alike.
 */
public final class ApiDocs {
  private ApiDocs() {}

  private static final String FLEET = "fleet";
  private static final String GITOPS = "gitops";
  private static final String TASKS = "tasks";

  static Consumer<Builder> status() {
    return op ->
        op.operationId("status")
            .tag(GITOPS)
            .summary("Counts by sync status and health, remotes, the last commit and its problems")
            .response(ok(StatusView.class));
  }

  static Consumer<Builder> resources() {
    return op ->
        op.operationId("resources")
            .tag(FLEET)
            .summary("Every remote, node, guest, storage and datastore: searched, sorted, paged")
            .description(
                "The search uses PDM's syntax: terms are [+][category:]value; + terms must all"
                    + " match and at least one of the others. Categories: type, name, id, remote,"
                    + " node, status, template, remote-type, property, tag, pool, view, sync,"
                    + " health. Column filters add required terms.")
            .parameter(query("search", "A search in PDM's syntax, e.g. +type:qemu web"))
            .parameter(query("type", "Column filter: qemu, lxc, node, storage, datastore, remote"))
            .parameter(query("remote", "Column filter: a remote's name"))
            .parameter(query("node", "Column filter: a node's name (prefix)"))
            .parameter(query("status", "Column filter: running, stopped, online, ..."))
            .parameter(query("sync", "Column filter: synced, out-of-sync, unknown"))
            .parameter(query("health", "Column filter: healthy, progressing, degraded, ..."))
            .parameter(query("sort", "Sort column; name when absent"))
            .parameter(query("dir", "asc or desc"))
            .parameter(query("page", "1-based page"))
            .parameter(query("size", "Rows per page, 1 to 500; 50 when absent"))
            .response(ok(ResourcePageView.class))
            .response(problem("400", "A parameter cannot be used; the problem names it"));
  }

  static Consumer<Builder> guest() {
    return op ->
        op.operationId("guest")
            .tag(FLEET)
            .summary(
                "A guest in full: its Git document at the commit in force, verdict, field drifts,"
                    + " next step, observed state and actions")
            .parameter(path("remote", "The remote's name"))
            .parameter(path("vmid", "The guest's VMID, 100 to 999999999"))
            .response(ok(ResourceDetail.class))
            .response(problem("400", "The vmid is not a VMID"))
            .response(problem("404", "No such guest in the inventory or the snapshot"));
  }

  static Consumer<Builder> guestRrd() {
    return op ->
        op.operationId("guestRrd")
            .tag(FLEET)
            .summary("A guest's CPU, memory, network and disk history, read from its remote")
            .parameter(path("remote", "The remote's name"))
            .parameter(path("vmid", "The guest's VMID"))
            .parameter(query("timeframe", "hour (default), day, week, month or year"))
            .response(ok(RrdSeries.class))
            .response(problem("400", "Bad vmid or timeframe"))
            .response(problem("404", "No such guest"))
            .response(problem("502", "The remote did not answer"));
  }

  static Consumer<Builder> drift() {
    return op ->
        op.operationId("drift")
            .tag(GITOPS)
            .summary("Every declared resource's verdict with its field drifts and last action")
            .response(okArray(ResourceView.class));
  }

  static Consumer<Builder> remotes() {
    return op ->
        op.operationId("remotes")
            .tag(FLEET)
            .summary("The declared remotes: status with the reason, version, counts, back-off")
            .response(okArray(RemoteDetail.class));
  }

  static Consumer<Builder> remote() {
    return op ->
        op.operationId("remote")
            .tag(FLEET)
            .summary("One remote with the endpoint that answers, its nodes and storages")
            .parameter(path("name", "The remote's name"))
            .response(ok(RemoteInventory.class))
            .response(problem("404", "No remote of that name is declared"));
  }

  static Consumer<Builder> taskLog() {
    return op ->
        op.operationId("taskLog")
            .tag(TASKS)
            .summary("A task's log (first 5,000 lines) and state, read from its remote")
            .parameter(path("remote", "The remote that ran it"))
            .parameter(path("upid", "The task's UPID"))
            .response(ok(TaskLogView.class))
            .response(problem("404", "Unknown remote, malformed UPID or no such task"))
            .response(problem("502", "The remote did not answer"));
  }

  static Consumer<Builder> tasks() {
    return op ->
        op.operationId("tasks")
            .tag(TASKS)
            .summary("Recent and running tasks across the fleet, newest first")
            .description(
                "Collected from every reachable remote (PVE per online node, PBS) and shared"
                    + " for 10 seconds; remotes that did not answer are listed in failures.")
            .parameter(query("remote", "Only this remote"))
            .parameter(query("state", "running, ok, warning, failed, or problem (both)"))
            .parameter(query("type", "A task type prefix: qm, vzdump, garbage_collection"))
            .parameter(query("id", "The object worked on: a VMID, a datastore"))
            .parameter(query("mine", "true: only the controller's own tasks"))
            .parameter(query("limit", "At most this many, 1 to 1000; 100 when absent"))
            .response(ok(TaskPage.class))
            .response(problem("400", "A filter cannot be used; the problem names it"));
  }

  static Consumer<Builder> commits() {
    return op ->
        op.operationId("commits")
            .tag(GITOPS)
            .summary(
                "Fetched commits, newest first, with their problems or the actions they caused")
            .parameter(query("limit", "1 to 200; 50 when absent"))
            .response(okArray(HistoryEntry.class))
            .response(problem("400", "Bad limit"));
  }

  public static org.springdoc.core.fn.builders.parameter.Builder query(
      String name, String description) {
    return parameterBuilder().in(ParameterIn.QUERY).name(name).description(description);
  }

  public static org.springdoc.core.fn.builders.parameter.Builder path(
      String name, String description) {
    return parameterBuilder()
        .in(ParameterIn.PATH)
        .name(name)
        .required(true)
        .description(description);
  }

  public static org.springdoc.core.fn.builders.apiresponse.Builder ok(Class<?> body) {
    return responseBuilder().responseCode("200").description("OK").implementation(body);
  }

  public static org.springdoc.core.fn.builders.apiresponse.Builder okArray(Class<?> item) {
    return responseBuilder().responseCode("200").description("OK").implementationArray(item);
  }

  public static org.springdoc.core.fn.builders.apiresponse.Builder problem(
      String code, String description) {
    return responseBuilder()
        .responseCode(code)
        .description(description + " (RFC 9457 problem detail)")
        .implementation(ProblemDetail.class);
  }

  public static org.springdoc.core.fn.builders.requestbody.Builder body(
      Class<?> body, String description) {
    return org.springdoc.core.fn.builders.requestbody.Builder.requestBodyBuilder()
        .description(description)
        .implementation(body);
  }
}
