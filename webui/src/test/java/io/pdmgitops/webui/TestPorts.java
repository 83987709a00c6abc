package io.pdmgitops.webui;

import io.pdmgitops.webui.api.ApiDocumentPort;
import io.pdmgitops.webui.api.DetailPort;
import io.pdmgitops.webui.api.FleetStatusPort;
import io.pdmgitops.webui.api.HistoryPort;
import io.pdmgitops.webui.api.MetricsPort;
import io.pdmgitops.webui.api.NotFoundException;
import io.pdmgitops.webui.api.RemoteDetail;
import io.pdmgitops.webui.api.RemoteInventory;
import io.pdmgitops.webui.api.RemotesPort;
import io.pdmgitops.webui.api.ResourceDetail;
import io.pdmgitops.webui.api.ResourceView;
import io.pdmgitops.webui.api.RrdSeries;
import io.pdmgitops.webui.api.SourcePort;
import io.pdmgitops.webui.api.StatusView;
import io.pdmgitops.webui.api.Timeframe;
import io.pdmgitops.webui.fleet.FleetPort;
import io.pdmgitops.webui.fleet.FleetSnapshot;
import io.pdmgitops.webui.tasks.TaskList;
import io.pdmgitops.webui.tasks.TaskLogView;
import io.pdmgitops.webui.tasks.TasksPort;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** Ports for route tests: empty answers unless a test gives its own. */
public final class TestPorts {
  private FleetStatusPort status =
      new FleetStatusPort() {
        @Override
        public Mono<StatusView> status() {
          return Mono.empty();
        }

        @Override
        public Mono<List<ResourceView>> drift() {
          return Mono.just(List.of());
        }
      };
  private FleetPort fleet = FleetSnapshot::empty;
  private HistoryPort history = limit -> Mono.just(List.of());
  private RemotesPort remotes = remotes(List.of(), List.of());
  private DetailPort details =
      new DetailPort() {
        @Override
        public Optional<ResourceDetail> guest(String remote, int vmid) {
          return Optional.empty();
        }

        @Override
        public Mono<RrdSeries> guestRrd(String remote, int vmid, Timeframe timeframe) {
          return Mono.error(new NotFoundException("no guest " + vmid + " on " + remote));
        }
      };
  private TasksPort tasks =
      new TasksPort() {
        @Override
        public Mono<TaskList> tasks() {
          return Mono.just(TaskList.empty("2026-11-23T12:00:00Z"));
        }

        @Override
        public TaskList latest() {
          return TaskList.empty("2026-11-23T12:00:00Z");
        }

        @Override
        public Mono<TaskLogView> log(
            String remote, String upid, io.pdmgitops.model.access.RemoteToken via) {
          return Mono.error(new NotFoundException(remote + " has no task " + upid));
        }
      };
  private SourcePort sources =
      (commit, path) -> {
        throw new NotFoundException("no file " + path + " at commit " + commit);
      };
  private ApiDocumentPort apiDocument =
      request -> Mono.just("{\"openapi\":\"3.1.0\",\"paths\":{}}".getBytes());
  private MetricsPort metrics = () -> "# metrics\n";

  /** No overview has read anything. */
  private io.pdmgitops.webui.health.HealthPort health =
      new io.pdmgitops.webui.health.HealthPort() {
        @Override
        public io.pdmgitops.webui.health.HealthReport report() {
          return new io.pdmgitops.webui.health.HealthReport(List.of(), List.of());
        }

        @Override
        public boolean refresh(String remote) {
          return false;
        }

        @Override
        public List<io.pdmgitops.webui.health.OverviewTab> tabs() {
          return List.of();
        }

        @Override
        public java.util.Optional<io.pdmgitops.webui.health.OverviewTable> table(String overview) {
          return java.util.Optional.empty();
        }
      };

  public static TestPorts defaults() {
    return new TestPorts();
  }

  /** Remotes answering from fixed lists: summaries, and details by name. */
  public static RemotesPort remotes(List<RemoteDetail> summaries, List<RemoteInventory> details) {
    return new RemotesPort() {
      @Override
      public List<RemoteDetail> remotes() {
        return summaries;
      }

      @Override
      public Optional<RemoteInventory> remote(String name) {
        return details.stream().filter(d -> d.remote().name().equals(name)).findFirst();
      }
    };
  }

  public TestPorts status(FleetStatusPort value) {
    status = value;
    return this;
  }

  public TestPorts fleet(FleetPort value) {
    fleet = value;
    return this;
  }

  public TestPorts history(HistoryPort value) {
    history = value;
    return this;
  }

  public TestPorts remotes(RemotesPort value) {
    remotes = value;
    return this;
  }

  public TestPorts details(DetailPort value) {
    details = value;
    return this;
  }

  public TestPorts tasks(TasksPort value) {
    tasks = value;
    return this;
  }

  public TestPorts sources(SourcePort value) {
    sources = value;
    return this;
  }

  public TestPorts health(io.pdmgitops.webui.health.HealthPort value) {
    health = value;
    return this;
  }

  public TestPorts apiDocument(ApiDocumentPort value) {
    apiDocument = value;
    return this;
  }

  public WebPorts build() {
    return new WebPorts(
        status, fleet, history, remotes, details, tasks, sources, apiDocument, metrics, health);
  }
}
