package io.pdmgitops.webui;

import io.pdmgitops.model.desired.FilterRule;
import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.desired.LeaderboardType;
import io.pdmgitops.model.desired.ObjectMeta;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.model.desired.View;
import io.pdmgitops.model.desired.Widget;
import io.pdmgitops.model.desired.WidgetType;
import io.pdmgitops.model.drift.Health;
import io.pdmgitops.model.drift.SyncStatus;
import io.pdmgitops.model.fleet.FleetResource;
import io.pdmgitops.model.fleet.ResourceType;
import io.pdmgitops.model.observed.ResourceUsage;
import io.pdmgitops.webui.fleet.FleetSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A generated fleet table for route tests: remotes east and west with {@code guests} guests each
 * (every tenth stopped, every fifth declared and out of sync), and a view "west".
 */
public final class TestFleet {
  public static final Instant OBSERVED = Instant.parse("2026-11-23T12:00:00Z");

  private TestFleet() {}

  public static FleetSnapshot of(int guestsPerRemote) {
    List<FleetResource> rows = new ArrayList<>();
    for (String remote : List.of("east", "west")) {
      rows.add(
          new FleetResource(
              "remote/" + remote,
              ResourceType.REMOTE,
              remote,
              RemoteType.PVE,
              remote,
              Optional.empty(),
              Optional.empty(),
              "online",
              false,
              List.of(),
              Optional.empty(),
              List.of(),
              ResourceUsage.NONE,
              Optional.of(remote),
              Optional.of(SyncStatus.SYNCED),
              Optional.of(Health.HEALTHY),
              ""));
      rows.add(
          new FleetResource(
              "remote/" + remote + "/node/" + remote + "-1",
              ResourceType.NODE,
              remote,
              RemoteType.PVE,
              remote + "-1",
              Optional.of(remote + "-1"),
              Optional.empty(),
              "online",
              false,
              List.of(),
              Optional.empty(),
              List.of(),
              new ResourceUsage(0.3, 32, 64L << 30, 256L << 30, 0, 0),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              ""));
      for (int i = 0; i < guestsPerRemote; i++) {
        int vmid = 100 + i;
        boolean declared = i % 5 == 0;
        rows.add(
            new FleetResource(
                "remote/" + remote + "/guest/" + vmid,
                i % 3 == 0 ? ResourceType.LXC : ResourceType.QEMU,
                remote,
                RemoteType.PVE,
                remote + "-vm-" + vmid,
                Optional.of(remote + "-1"),
                Optional.of(vmid),
                i % 10 == 0 ? "stopped" : "running",
                false,
                List.of(i % 2 == 0 ? "prod" : "lab"),
                Optional.empty(),
                declared ? List.of("declared") : List.of(),
                new ResourceUsage((i % 100) / 100.0, 4, (long) i << 20, 8L << 30, 0, 32L << 30),
                declared ? Optional.of(remote + "-vm-" + vmid) : Optional.empty(),
                declared ? Optional.of(SyncStatus.OUT_OF_SYNC) : Optional.empty(),
                declared ? Optional.of(Health.HEALTHY) : Optional.empty(),
                declared ? "power: want stopped, is running" : ""));
      }
    }
    return new FleetSnapshot(OBSERVED, rows, Map.of("west", WEST));
  }

  /** A view of remote west: its guests by kind, its nodes, the busiest guests and a tree. */
  public static final View WEST =
      new View(
          new ObjectMeta("west", Map.of(), Map.of()),
          new View.Spec(
              Optional.of("Everything on west"),
              false,
              List.of(FilterRule.parse("remote=west")),
              List.of(FilterRule.parse("tag=lab")),
              Optional.of(
                  new View.Layout(
                      List.of(
                          List.of(widget(WidgetType.NODES), widget(WidgetType.GUESTS)),
                          List.of(widget(WidgetType.LEADERBOARD), widget(WidgetType.RESOURCE_TREE)),
                          List.of(widget(WidgetType.SUBSCRIPTION)))))));

  static Widget widget(WidgetType type) {
    return new Widget(
        type,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        type == WidgetType.GUESTS ? Optional.of(GuestType.QEMU) : Optional.empty(),
        Optional.empty(),
        type == WidgetType.LEADERBOARD ? Optional.of(LeaderboardType.GUEST_CPU) : Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
