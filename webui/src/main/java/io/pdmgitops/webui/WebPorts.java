package io.pdmgitops.webui;

import io.pdmgitops.webui.api.ApiDocumentPort;
import io.pdmgitops.webui.api.DetailPort;
import io.pdmgitops.webui.api.FleetStatusPort;
import io.pdmgitops.webui.api.HistoryPort;
import io.pdmgitops.webui.api.MetricsPort;
import io.pdmgitops.webui.api.RemotesPort;
import io.pdmgitops.webui.api.SourcePort;
import io.pdmgitops.webui.fleet.FleetPort;
import io.pdmgitops.webui.health.HealthPort;
import io.pdmgitops.webui.tasks.TasksPort;
import java.util.Objects;

/**
 * Everything the pages and the API read, each behind its own small interface that the controller
 * implements (and tests stub).
 */
public record WebPorts(
    FleetStatusPort status,
    FleetPort fleet,
    HistoryPort history,
    RemotesPort remotes,
    DetailPort details,
    TasksPort tasks,
    SourcePort sources,
    ApiDocumentPort apiDocument,
    MetricsPort metrics,
    HealthPort health) {
  public WebPorts {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(fleet, "fleet");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(remotes, "remotes");
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(tasks, "tasks");
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(apiDocument, "apiDocument");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(health, "health");
  }
}
