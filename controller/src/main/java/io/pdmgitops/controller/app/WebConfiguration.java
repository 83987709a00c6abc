package io.pdmgitops.controller.app;

import io.pdmgitops.controller.backups.LastBackups;
import io.pdmgitops.controller.conditions.Conditions;
import io.pdmgitops.controller.git.CommitFiles;
import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.controller.loop.ReconcileLoop;
import io.pdmgitops.controller.ports.FleetMetrics;
import io.pdmgitops.controller.ports.FleetStatusAdapter;
import io.pdmgitops.controller.ports.FleetTableAdapter;
import io.pdmgitops.controller.ports.GuestDetailAdapter;
import io.pdmgitops.controller.ports.HistoryAdapter;
import io.pdmgitops.controller.ports.LiveEvents;
import io.pdmgitops.controller.ports.RemotesAdapter;
import io.pdmgitops.controller.ports.TaskCollector;
import io.pdmgitops.controller.ports.TaskStopAdapter;
import io.pdmgitops.controller.security.AuditTrail;
import io.pdmgitops.controller.store.JdbcResourceStore;
import io.pdmgitops.controller.store.JdbcStatusStore;
import io.pdmgitops.reconcilers.remote.InventoryCollector;
import io.pdmgitops.reconcilers.remote.RemoteClients;
import io.pdmgitops.webui.RequestDeadline;
import io.pdmgitops.webui.WebPorts;
import io.pdmgitops.webui.api.ApiDocumentPort;
import io.pdmgitops.webui.api.ApiRoutes;
import io.pdmgitops.webui.live.LiveRoutes;
import io.pdmgitops.webui.pages.PageRoutes;
import io.pdmgitops.webui.tasks.TaskStopRoutes;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import java.time.Clock;
import java.util.Locale;
import org.springdoc.webflux.api.OpenApiWebfluxResource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The pages, the JSON API and metrics, served by WebFlux. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {
  @Bean
  FleetMetrics fleetMetrics(ReconcileLoop loop, Conditions conditions) {
    return new FleetMetrics(loop, conditions);
  }

  @Bean
  FleetStatusAdapter fleetStatus(
      ReconcileLoop loop,
      SnapshotTracker snapshots,
      JdbcStatusStore store,
      JdbcResourceStore resources,
      Conditions conditions) {
    return new FleetStatusAdapter(loop, snapshots, store, resources, conditions);
  }

  @Bean
  FleetTableAdapter fleetTable(ReconcileLoop loop) {
    return new FleetTableAdapter(loop);
  }

  @Bean
  HistoryAdapter history(JdbcStatusStore store, JdbcResourceStore resources) {
    return new HistoryAdapter(store, resources);
  }

  @Bean
  RemotesAdapter remotes(
      ReconcileLoop loop,
      FleetTableAdapter table,
      InventoryCollector inventory,
      RemoteClients clients) {
    return new RemotesAdapter(loop, table, inventory, clients);
  }

  @Bean
  GuestDetailAdapter guestDetails(
      FleetTableAdapter table,
      ReconcileLoop loop,
      SnapshotTracker snapshots,
      JdbcStatusStore store,
      CommitFiles files,
      RemoteClients clients,
      LastBackups lastBackups) {
    return new GuestDetailAdapter(table, loop, snapshots, store, files, clients, lastBackups);
  }

  @Bean
  TaskCollector tasks(
      ReconcileLoop loop,
      SnapshotTracker snapshots,
      RemoteClients clients,
      JdbcStatusStore store,
      Clock clock) {
    return new TaskCollector(loop, snapshots, clients, store, clock);
  }

  @Bean
  TaskStopAdapter taskStops(SnapshotTracker snapshots, RemoteClients clients, AuditTrail audit) {
    return new TaskStopAdapter(snapshots, clients, audit);
  }

  @Bean
  RouterFunction<ServerResponse> taskStopApi(TaskStopAdapter stops) {
    return TaskStopRoutes.api(stops);
  }

  @Bean
  RouterFunction<ServerResponse> taskStopPage(TaskStopAdapter stops) {
    return TaskStopRoutes.page(stops);
  }

  /** The document's title and summary; springdoc fills in the paths from the routes. */
  @Bean
  OpenAPI openApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("pdm-gitops API")
                .version("v1")
                .description(
                    "The fleet as the controller sees it: status, remotes, resources with PDM's"
                        + " search, guests in full, drift, commits, tasks and task logs.")
                .license(new License().name("Apache-2.0")));
  }

  /** The rendered reference page reads the same document springdoc serves. */
  @Bean
  ApiDocumentPort apiDocument(ObjectProvider<OpenApiWebfluxResource> springdoc) {
    // The first call builds the whole document: off the event loop.
    return request ->
        Mono.defer(
                () -> {
                  try {
                    return springdoc
                        .getObject()
                        .openapiJson(request.exchange().getRequest(), API_DOCS, Locale.ENGLISH);
                  } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    return Mono.error(e);
                  }
                })
            .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic());
  }

  /** Where springdoc serves the document (springdoc.api-docs.path in application.yaml). */
  static final String API_DOCS = "/api/v1/openapi.json";

  @Bean
  WebPorts webPorts(
      FleetStatusAdapter status,
      FleetTableAdapter table,
      HistoryAdapter history,
      RemotesAdapter remotes,
      GuestDetailAdapter details,
      TaskCollector tasks,
      CommitFiles files,
      ApiDocumentPort apiDocument,
      FleetMetrics metrics,
      io.pdmgitops.controller.health.HealthAdapter health) {
    return new WebPorts(
        status, table, history, remotes, details, tasks, files, apiDocument, metrics, health);
  }

  /** Every request but the event stream answers within 25 s, or with a 503 that says so. */
  @Bean
  RequestDeadline requestDeadline() {
    return new RequestDeadline(
        RequestDeadline.DEFAULT, LiveRoutes.EVENTS, io.pdmgitops.webui.shell.ShellRoutes.SOCKET);
  }

  @Bean
  RouterFunction<ServerResponse> apiRoutes(WebPorts ports) {
    return ApiRoutes.routes(ports);
  }

  @Bean
  RouterFunction<ServerResponse> liveRoutes(LiveEvents live) {
    return LiveRoutes.routes(live);
  }

  @Bean
  RouterFunction<ServerResponse> pageRoutes(WebPorts ports) {
    return PageRoutes.routes(ports);
  }
}
