package io.pdmgitops.webui.access;

import io.pdmgitops.model.access.AccessPath;
import io.pdmgitops.model.access.Permission;
import io.pdmgitops.model.access.RemoteToken;
import io.pdmgitops.webui.WebPorts;
import io.pdmgitops.webui.api.FleetStatusPort;
import io.pdmgitops.webui.api.RemoteDetail;
import io.pdmgitops.webui.api.RemoteInventory;
import io.pdmgitops.webui.api.RemotesPort;
import io.pdmgitops.webui.api.ResourceView;
import io.pdmgitops.webui.api.StatusView;
import io.pdmgitops.webui.fleet.FleetPort;
import io.pdmgitops.webui.fleet.FleetSnapshot;
import io.pdmgitops.webui.tasks.TaskList;
import io.pdmgitops.webui.tasks.TaskLogView;
import io.pdmgitops.webui.tasks.TasksPort;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * The ports as one caller sees them: the fleet table, drift, status counts, remotes and tasks hold
 * only what the caller may open, so no list, count or search reveals anything else. Pages and the
 * API take their ports from here for each request; a request without a {@link Viewer} sees nothing.
 */
public final class VisiblePorts {
  private VisiblePorts() {}

  private static final String ATTRIBUTE = VisiblePorts.class.getName();

  /** The request's ports, filtered for its caller; the same object for every call of a request. */
  public static WebPorts of(ServerRequest request, WebPorts ports) {
    Optional<Viewer> viewer = Viewer.of(request);
    if (viewer.isPresent() && viewer.get().seesAll()) {
      return ports;
    }
    return (WebPorts)
        request
            .exchange()
            .getAttributes()
            .computeIfAbsent(
                ATTRIBUTE,
                k -> viewer.map(v -> filtered(v, ports)).orElseGet(() -> nothing(ports)));
  }

  private static WebPorts filtered(Viewer viewer, WebPorts ports) {
    // One filtered table per request, built on first use.
    Supplier<FleetSnapshot> table = memo(() -> viewer.filter(ports.fleet().snapshot()));
    FleetPort fleet = table::get;
    return new WebPorts(
        status(viewer, ports.status(), table),
        fleet,
        ports.history(),
        remotes(viewer, ports.remotes()),
        ports.details(),
        tasks(viewer, ports.tasks(), table),
        ports.sources(),
        ports.apiDocument(),
        ports.metrics(),
        new io.pdmgitops.webui.health.VisibleHealth(Optional.of(viewer), ports.health()));
  }

  private static WebPorts nothing(WebPorts ports) {
    return new WebPorts(
        new FleetStatusPort() {
          @Override
          public Mono<StatusView> status() {
            return Mono.just(StatusView.empty());
          }

          @Override
          public Mono<List<ResourceView>> drift() {
            return Mono.just(List.of());
          }
        },
        FleetSnapshot::empty,
        ports.history(),
        new RemotesPort() {
          @Override
          public List<RemoteDetail> remotes() {
            return List.of();
          }

          @Override
          public Optional<RemoteInventory> remote(String name) {
            return Optional.empty();
          }
        },
        ports.details(),
        new TasksPort() {
          @Override
          public Mono<TaskList> tasks() {
            return ports.tasks().tasks().map(t -> TaskList.empty(t.collectedAt()));
          }

          @Override
          public TaskList latest() {
            return TaskList.empty(ports.tasks().latest().collectedAt());
          }

          @Override
          public Mono<TaskLogView> log(String remote, String upid, RemoteToken via) {
            return Mono.error(
                new io.pdmgitops.webui.api.NotFoundException("no task " + upid + " on " + remote));
          }
        },
        ports.sources(),
        ports.apiDocument(),
        ports.metrics(),
        new io.pdmgitops.webui.health.VisibleHealth(Optional.empty(), ports.health()));
  }

  private static FleetStatusPort status(
      Viewer viewer, FleetStatusPort status, Supplier<FleetSnapshot> table) {
    return new FleetStatusPort() {
      @Override
      public Mono<List<ResourceView>> drift() {
        return status.drift().map(all -> visibleDrift(viewer, all, table));
      }

      @Override
      public Mono<StatusView> status() {
        return status.status().zipWith(drift(), (s, drift) -> visibleStatus(viewer, s, drift));
      }
    };
  }

  static List<ResourceView> visibleDrift(
      Viewer viewer, List<ResourceView> all, Supplier<FleetSnapshot> table) {
    return all.stream().filter(r -> visible(viewer, r, table)).toList();
  }

  /** A verdict is visible when its resource is: a guest, a remote, a view; the rest is /access. */
  private static boolean visible(Viewer viewer, ResourceView r, Supplier<FleetSnapshot> table) {
    return switch (r.kind()) {
      case "Guest" ->
          r.remote().isPresent()
              && r.vmid().isPresent()
              && Requirement.ReadGuest.guest(viewer, r.remote().get(), r.vmid().get(), table);
      case "Remote" -> viewer.allows(AccessPath.remote(r.name()), Permission.READ);
      case "View" -> viewer.allows(AccessPath.view(r.name()), Permission.READ);
      default -> viewer.allows(AccessPath.access(), Permission.READ);
    };
  }

  /**
   * Counts from the visible verdicts; commits and controller conditions only for the fleet's
   * readers.
   */
  static StatusView visibleStatus(Viewer viewer, StatusView all, List<ResourceView> drift) {
    Map<String, Long> sync = new TreeMap<>();
    Map<String, Long> health = new TreeMap<>();
    for (ResourceView r : drift) {
      sync.merge(r.sync(), 1L, Long::sum);
      health.merge(r.health(), 1L, Long::sum);
    }
    boolean system = viewer.allows(AccessPath.system(), Permission.READ);
    return new StatusView(
        sync,
        health,
        all.remotes().stream()
            .filter(rv -> viewer.allows(AccessPath.remote(rv.name()), Permission.READ))
            .toList(),
        Optional.empty(),
        Optional.empty(),
        all.suspended(),
        all.observedAt(),
        all.conditions().stream()
            .filter(
                c ->
                    c.kind().equals("remote-unreachable")
                        ? viewer.allows(AccessPath.remote(c.subject()), Permission.READ)
                        : system)
            .toList());
  }

  private static RemotesPort remotes(Viewer viewer, RemotesPort remotes) {
    return new RemotesPort() {
      @Override
      public List<RemoteDetail> remotes() {
        return remotes.remotes().stream()
            .filter(r -> viewer.allows(AccessPath.remote(r.name()), Permission.READ))
            .toList();
      }

      @Override
      public Optional<RemoteInventory> remote(String name) {
        return viewer.allows(AccessPath.remote(name), Permission.READ)
            ? remotes.remote(name)
            : Optional.empty();
      }
    };
  }

  private static TasksPort tasks(Viewer viewer, TasksPort tasks, Supplier<FleetSnapshot> table) {
    return new TasksPort() {
      @Override
      public Mono<TaskList> tasks() {
        return tasks.tasks().map(this::visible);
      }

      @Override
      public TaskList latest() {
        return visible(tasks.latest());
      }

      @Override
      public Mono<TaskLogView> log(String remote, String upid, RemoteToken via) {
        return tasks.log(remote, upid, via); // the route's rule decided
      }

      private TaskList visible(TaskList all) {
        Requirement rule = new Requirement.ReadTask();
        return new TaskList(
            all.collectedAt(),
            all.tasks().stream()
                .filter(
                    t -> rule.allows(viewer, Map.of("remote", t.remote(), "upid", t.upid()), table))
                .toList(),
            all.failures().stream()
                .filter(f -> viewer.allows(AccessPath.remote(f.remote()), Permission.READ))
                .toList());
      }
    };
  }

  private static <T> Supplier<T> memo(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }
}
