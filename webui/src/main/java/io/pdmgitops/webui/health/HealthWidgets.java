package io.pdmgitops.webui.health;

import io.pdmgitops.model.fleet.FleetResource;
import io.pdmgitops.model.fleet.ResourceType;
import io.pdmgitops.model.health.Finding;
import io.pdmgitops.model.health.Severity;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A view's health widgets, from the overviews' last reads and the view's selection: what is on a
 * node or guest the view shows, or on a remote it shows, counts.
 */
public final class HealthWidgets {
  private HealthWidgets() {}

  /**
   * The view's nodes by subscription state, as PDM's subscription panel.
   *
   * @param byState {@code active}, {@code notfound}, {@code expired}, ... to how many nodes
   * @param unread nodes of the view the overview has not read (yet)
   */
  public record Subscriptions(Map<String, Integer> byState, int unread) {}

  /** The view's nodes' SDN zones by state: available, pending, error. */
  public record Sdn(Map<String, Integer> byState, boolean editsPending) {}

  /** Findings on what the view shows, per severity. */
  public record Findings(Map<Severity, Long> counts) {}

  /** What a view selects, as health data names it. */
  private record Selection(Set<String> remotes, Set<String> nodes, Set<String> guests) {
    static Selection of(List<FleetResource> rows) {
      Set<String> remotes = new HashSet<>();
      Set<String> nodes = new HashSet<>();
      Set<String> guests = new HashSet<>();
      for (FleetResource r : rows) {
        remotes.add(r.remote());
        if (r.type() == ResourceType.NODE) {
          r.node().ifPresent(n -> nodes.add(r.remote() + "/" + n));
        }
        r.vmid().ifPresent(v -> guests.add(r.remote() + "/" + v));
      }
      return new Selection(remotes, nodes, guests);
    }

    boolean node(String remote, Optional<String> node) {
      return node.map(n -> nodes.contains(remote + "/" + n)).orElse(false);
    }

    boolean shows(Finding f) {
      if (f.guest().isPresent()) {
        return guests.contains(f.remote() + "/" + f.guest().get());
      }
      if (f.node().isPresent()) {
        return node(f.remote(), f.node());
      }
      return remotes.contains(f.remote());
    }
  }

  public static Subscriptions subscriptions(
      List<FleetResource> rows, Optional<OverviewTable> table) {
    Selection s = Selection.of(rows);
    Map<String, Integer> byState = new TreeMap<>();
    Set<String> read = new HashSet<>();
    table.ifPresent(
        t ->
            t.rows().stream()
                .filter(r -> s.node(r.remote(), r.node()))
                .forEach(
                    r -> {
                      read.add(r.remote() + "/" + r.node().get());
                      byState.merge(r.fields().getOrDefault("status", "unknown"), 1, Integer::sum);
                    }));
    int unread = (int) s.nodes().stream().filter(n -> !read.contains(n)).count();
    return new Subscriptions(byState, unread);
  }

  public static Sdn sdn(List<FleetResource> rows, Optional<OverviewTable> table) {
    Selection s = Selection.of(rows);
    Map<String, Integer> byState = new TreeMap<>();
    boolean[] pending = {false};
    table.ifPresent(
        t ->
            t.rows()
                .forEach(
                    r -> {
                      if (r.node().isPresent() && s.node(r.remote(), r.node())) {
                        byState.merge(r.fields().getOrDefault("state", "unknown"), 1, Integer::sum);
                      } else if (r.node().isEmpty()
                          && s.remotes().contains(r.remote())
                          && !r.fields().getOrDefault("state", "applied").equals("applied")) {
                        pending[0] = true;
                      }
                    }));
    return new Sdn(byState, pending[0]);
  }

  public static Findings findings(List<FleetResource> rows, HealthReport report) {
    Selection s = Selection.of(rows);
    Map<Severity, Long> counts = new EnumMap<>(Severity.class);
    for (Severity severity : Severity.values()) {
      counts.put(severity, 0L);
    }
    report.findings().stream()
        .filter(s::shows)
        .forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
    return new Findings(counts);
  }
}
