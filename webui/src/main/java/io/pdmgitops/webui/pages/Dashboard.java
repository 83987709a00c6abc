package io.pdmgitops.webui.pages;

import io.pdmgitops.model.desired.GaugeResource;
import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.desired.LeaderboardType;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.model.desired.TaskGrouping;
import io.pdmgitops.model.desired.Widget;
import io.pdmgitops.model.desired.WidgetType;
import io.pdmgitops.model.drift.Health;
import io.pdmgitops.model.drift.SyncStatus;
import io.pdmgitops.model.fleet.FleetResource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The main dashboard: PDM's default layout (ui/src/dashboard/view.rs) of widgets over the whole
 * fleet, under what only GitOps knows: declared resources by sync status and health.
 */
public final class Dashboard {
  /** PDM's DEFAULT_DASHBOARD, row by row. */
  public static final List<List<Widget>> LAYOUT =
      List.of(
          List.of(
              widget(WidgetType.REMOTES),
              nodes(RemoteType.PVE),
              guests(GuestType.QEMU),
              nodes(RemoteType.PBS),
              guests(GuestType.LXC),
              widget(WidgetType.PBS_DATASTORES)),
          List.of(
              gauge(GaugeResource.CPU), gauge(GaugeResource.MEMORY), gauge(GaugeResource.STORAGE)),
          List.of(
              leaderboard(LeaderboardType.GUEST_CPU),
              leaderboard(LeaderboardType.NODE_CPU),
              leaderboard(LeaderboardType.NODE_MEMORY)),
          List.of(tasks(TaskGrouping.CATEGORY), tasks(TaskGrouping.REMOTE)));

  private Dashboard() {}

  /** Declared resources by sync status and by health, every value present. */
  public record Declared(Map<SyncStatus, Integer> sync, Map<Health, Integer> health) {}

  public static Declared declared(List<FleetResource> rows) {
    Map<SyncStatus, Integer> sync = new EnumMap<>(SyncStatus.class);
    Map<Health, Integer> health = new EnumMap<>(Health.class);
    for (SyncStatus s : SyncStatus.values()) {
      sync.put(s, 0);
    }
    for (Health h : Health.values()) {
      health.put(h, 0);
    }
    for (FleetResource r : rows) {
      r.sync().ifPresent(s -> sync.merge(s, 1, Integer::sum));
      r.health().ifPresent(h -> health.merge(h, 1, Integer::sum));
    }
    return new Declared(sync, health);
  }

  private static Widget widget(WidgetType type) {
    return new Widget(type, null, null, null, null, null, null, null, null);
  }

  private static Widget nodes(RemoteType type) {
    return new Widget(
        WidgetType.NODES, null, null, Optional.of(type), null, null, null, null, null);
  }

  private static Widget guests(GuestType type) {
    return new Widget(
        WidgetType.GUESTS, null, null, null, Optional.of(type), null, null, null, null);
  }

  private static Widget gauge(GaugeResource resource) {
    return new Widget(
        WidgetType.NODE_RESOURCE_GAUGE,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        Optional.of(resource));
  }

  private static Widget leaderboard(LeaderboardType type) {
    return new Widget(
        WidgetType.LEADERBOARD, null, null, null, null, null, Optional.of(type), null, null);
  }

  private static Widget tasks(TaskGrouping grouping) {
    return new Widget(
        WidgetType.TASK_SUMMARY, null, null, null, null, null, null, Optional.of(grouping), null);
  }
}
