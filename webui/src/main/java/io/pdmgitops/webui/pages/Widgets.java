package io.pdmgitops.webui.pages;

import io.pdmgitops.model.desired.GaugeResource;
import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.desired.LeaderboardType;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.model.desired.TaskGrouping;
import io.pdmgitops.model.desired.Widget;
import io.pdmgitops.model.fleet.FleetResource;
import io.pdmgitops.model.fleet.ResourceType;
import io.pdmgitops.webui.health.HealthWidgets;
import io.pdmgitops.webui.tasks.TaskCategory;
import io.pdmgitops.webui.tasks.TaskList;
import io.pdmgitops.webui.tasks.TaskRow;
import io.pdmgitops.webui.tasks.TaskState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns PDM's widget types into panels over a set of rows (the whole fleet, or a view's selection).
 * Task summaries count the remotes' recent tasks as last collected (never waiting for a remote).
 */
public final class Widgets {
  static final int LEADERS = 10;
  static final int TREE_GUESTS = 300;

  private Widgets() {}

  /** Nodes online and offline; {@code prefix} names the counts for tests and scripts. */
  public record Nodes(String prefix, int online, int offline) {}

  /** Guests of one or both kinds by state. */
  public record Guests(String prefix, int running, int stopped, int template, int other) {}

  /** Remotes OK and failing, with why. */
  public record Remotes(int ok, List<FleetResource> failing) {}

  /** Used and total of one resource, summed over nodes (or storages). */
  public record Gauge(String resource, double used, double total, String unit) {
    public double share() {
      return total <= 0 ? 0 : used / total;
    }
  }

  /** One remote with its nodes and their guests. */
  public record TreeRemote(FleetResource remote, Map<String, List<FleetResource>> nodes) {}

  /** A resource tree, cut at {@link #TREE_GUESTS} guests. */
  public record Tree(List<TreeRemote> remotes, int omitted) {}

  /** Controller actions by category or remote, and by result. */
  /**
   * Remote tasks of the selection's remotes, counted by state per category or remote, with the
   * running ones and the newest failures.
   *
   * @param unread remotes whose tasks could not be read
   */
  public record TaskSummary(
      String grouping,
      Map<String, Map<String, Integer>> counts,
      int total,
      int running,
      List<TaskRow> failed,
      int unread) {}

  /** Failed tasks listed by name on a task summary. */
  static final int RECENT_FAILURES = 5;

  /** A widget type whose data the controller does not collect yet. */
  public record NotCollected(String what) {}

  public static Panel panel(
      Widget w,
      List<FleetResource> rows,
      TaskList tasks,
      io.pdmgitops.webui.health.HealthPort health) {
    double flex = w.flex().orElse(1.0);
    return switch (w.type()) {
      case NODES -> {
        Optional<RemoteType> type = w.remoteType();
        String prefix = type.map(t -> t.wire() + "-nodes").orElse("nodes");
        int on = 0;
        int off = 0;
        for (FleetResource r : rows) {
          if (r.type() == ResourceType.NODE && type.map(t -> t == r.remoteType()).orElse(true)) {
            if (r.status().equals("online")) {
              on++;
            } else {
              off++;
            }
          }
        }
        String title =
            type.map(t -> t == RemoteType.PBS ? "PBS nodes" : "PVE nodes").orElse("Nodes");
        yield new Panel("nodes", w.title().orElse(title), flex, new Nodes(prefix, on, off));
      }
      case GUESTS -> {
        Optional<GuestType> type = w.guestType();
        String prefix = type.map(GuestType::wire).orElse("guests");
        int[] counts = new int[4];
        for (FleetResource r : rows) {
          boolean kind =
              r.type().isGuest() && type.map(t -> t.wire().equals(r.type().wire())).orElse(true);
          if (kind) {
            counts[bucket(r)]++;
          }
        }
        String title =
            type.map(t -> t == GuestType.LXC ? "Containers" : "Virtual machines").orElse("Guests");
        yield new Panel(
            "guests",
            w.title().orElse(title),
            flex,
            new Guests(prefix, counts[0], counts[1], counts[2], counts[3]));
      }
      case PBS_DATASTORES ->
          new Panel(
              "datastores",
              w.title().orElse("PBS datastores"),
              flex,
              rows.stream().filter(r -> r.type() == ResourceType.DATASTORE).toList());
      case REMOTES -> {
        int ok = 0;
        List<FleetResource> failing = new ArrayList<>();
        for (FleetResource r : rows) {
          if (r.type() == ResourceType.REMOTE) {
            if (r.status().equals("online")) {
              ok++;
            } else {
              failing.add(r);
            }
          }
        }
        yield new Panel("remotes", w.title().orElse("Remotes"), flex, new Remotes(ok, failing));
      }
      case LEADERBOARD -> {
        LeaderboardType type = w.leaderboardType().orElse(LeaderboardType.GUEST_CPU);
        boolean guests = type == LeaderboardType.GUEST_CPU;
        Comparator<FleetResource> order =
            type == LeaderboardType.NODE_MEMORY
                ? Comparator.comparingDouble(r -> r.usage().memoryShare())
                : Comparator.comparingDouble(r -> r.usage().cpu());
        List<FleetResource> leaders =
            rows.stream()
                .filter(
                    r ->
                        guests
                            ? r.type().isGuest() && r.status().equals("running")
                            : r.type() == ResourceType.NODE)
                .sorted(order.reversed())
                .limit(LEADERS)
                .toList();
        String title =
            switch (type) {
              case GUEST_CPU -> "Busiest guests (CPU)";
              case NODE_CPU -> "Busiest nodes (CPU)";
              case NODE_MEMORY -> "Busiest nodes (memory)";
            };
        yield new Panel(
            type == LeaderboardType.NODE_MEMORY ? "leaderboard-memory" : "leaderboard-cpu",
            w.title().orElse(title),
            flex,
            leaders);
      }
      case NODE_RESOURCE_GAUGE -> {
        GaugeResource resource = w.resource().orElse(GaugeResource.CPU);
        Optional<RemoteType> type = w.remoteType();
        double used = 0;
        double total = 0;
        for (FleetResource r : rows) {
          if (type.isPresent() && type.get() != r.remoteType()) {
            continue;
          }
          if (resource == GaugeResource.STORAGE
              ? r.type() == ResourceType.STORAGE || r.type() == ResourceType.DATASTORE
              : r.type() == ResourceType.NODE) {
            switch (resource) {
              case CPU -> {
                used += r.usage().cpu() * r.usage().maxcpu();
                total += r.usage().maxcpu();
              }
              case MEMORY -> {
                used += r.usage().mem();
                total += r.usage().maxmem();
              }
              case STORAGE -> {
                used += r.usage().disk();
                total += r.usage().maxdisk();
              }
            }
          }
        }
        String unit = resource == GaugeResource.CPU ? "cores" : "bytes";
        yield new Panel(
            "gauge",
            w.title()
                .orElse(
                    switch (resource) {
                      case CPU -> "CPU";
                      case MEMORY -> "Memory";
                      case STORAGE -> "Storage";
                    }),
            flex,
            new Gauge(resource.wire(), used, total, unit));
      }
      case RESOURCE_TREE -> new Panel("tree", w.title().orElse("Resources"), flex, tree(rows));
      case TASK_SUMMARY -> {
        TaskGrouping grouping = w.grouping().orElse(TaskGrouping.CATEGORY);
        yield new Panel(
            "tasks",
            w.title().orElse("Tasks by " + grouping.wire()),
            flex,
            tasks(grouping, rows, tasks));
      }
      case SUBSCRIPTION ->
          new Panel(
              "health-subscriptions",
              w.title().orElse("Subscriptions"),
              flex,
              HealthWidgets.subscriptions(rows, health.table("subscriptions")));
      case SDN ->
          new Panel(
              "health-sdn",
              w.title().orElse("SDN"),
              flex,
              HealthWidgets.sdn(rows, health.table("sdn")));
      case HEALTH ->
          new Panel(
              "health-findings",
              w.title().orElse("Health"),
              flex,
              HealthWidgets.findings(rows, health.report()));
      case MAP ->
          new Panel(
              "not-collected",
              w.title().orElse(w.type().wire()),
              flex,
              new NotCollected(w.type().wire()));
    };
  }

  private static int bucket(FleetResource guest) {
    if (guest.template()) {
      return 2;
    }
    return switch (guest.status()) {
      case "running", "paused" -> 0;
      case "stopped" -> 1;
      default -> 3;
    };
  }

  private static Tree tree(List<FleetResource> rows) {
    Map<String, FleetResource> remotes = new TreeMap<>();
    Map<String, Map<String, List<FleetResource>>> nodes = new TreeMap<>();
    int guests = 0;
    int omitted = 0;
    for (FleetResource r : rows) {
      if (r.type() == ResourceType.REMOTE) {
        remotes.put(r.remote(), r);
      } else if (r.type().isGuest()) {
        if (guests++ >= TREE_GUESTS) {
          omitted++;
          continue;
        }
        nodes
            .computeIfAbsent(r.remote(), k -> new TreeMap<>())
            .computeIfAbsent(r.node().orElse("?"), k -> new ArrayList<>())
            .add(r);
      }
    }
    List<TreeRemote> out = new ArrayList<>();
    for (var e : nodes.entrySet()) {
      out.add(new TreeRemote(remotes.get(e.getKey()), e.getValue()));
    }
    return new Tree(out, omitted);
  }

  private static TaskSummary tasks(TaskGrouping grouping, List<FleetResource> rows, TaskList list) {
    Set<String> remotes = new HashSet<>();
    for (FleetResource r : rows) {
      remotes.add(r.remote());
    }
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    List<TaskRow> problems = new ArrayList<>();
    int total = 0;
    int running = 0;
    for (TaskRow t : list.tasks()) {
      if (!remotes.contains(t.remote())) {
        continue; // not in this selection
      }
      String key = grouping == TaskGrouping.REMOTE ? t.remote() : TaskCategory.of(t.type());
      counts.computeIfAbsent(key, k -> new TreeMap<>()).merge(t.state().wire(), 1, Integer::sum);
      total++;
      running += t.state() == TaskState.RUNNING ? 1 : 0;
      if (t.state() == TaskState.FAILED && problems.size() < RECENT_FAILURES) {
        problems.add(t); // newest first
      }
    }
    return new TaskSummary(
        grouping.wire(),
        counts,
        total,
        running,
        problems,
        (int) list.failures().stream().filter(f -> remotes.contains(f.remote())).count());
  }
}
