package io.pdmgitops.webui.pages;

import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.model.drift.Health;
import io.pdmgitops.model.drift.SyncStatus;
import io.pdmgitops.model.fleet.FleetResource;
import io.pdmgitops.model.fleet.FleetTable;
import io.pdmgitops.model.fleet.ResourceType;
import io.pdmgitops.webui.fleet.FleetSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard shows at a glance, as PDM's does: remotes OK or failing and why, nodes, guests
 * by state and kind, storage and datastore use, the busiest guests and nodes; plus what only GitOps
 * knows: declared resources by sync status and health.
 */
public record Dashboard(
    int remotesOk,
    List<FleetResource> failingRemotes,
    Count pveNodes,
    Count pbsNodes,
    Guests qemu,
    Guests lxc,
    int storages,
    List<FleetResource> fullStorages,
    List<FleetResource> datastores,
    Map<SyncStatus, Integer> sync,
    Map<Health, Integer> health,
    List<FleetResource> topGuestsByCpu,
    List<FleetResource> topNodesByCpu,
    List<FleetResource> topNodesByMemory) {
  static final int TOP = 5;

  /** Online and offline (or unknown). */
  public record Count(int online, int offline) {}

  /** Guests of one kind by state. */
  public record Guests(int running, int stopped, int template, int other) {
    public int total() {
      return running + stopped + template + other;
    }
  }

  public static Dashboard of(FleetSnapshot snapshot) {
    List<FleetResource> rows = snapshot.resources();
    int remotesOk = 0;
    List<FleetResource> failing = new ArrayList<>();
    int pveOn = 0;
    int pveOff = 0;
    int pbsOn = 0;
    int pbsOff = 0;
    int[] qemu = new int[4];
    int[] lxc = new int[4];
    int storages = 0;
    List<FleetResource> full = new ArrayList<>();
    List<FleetResource> datastores = new ArrayList<>();
    List<FleetResource> guests = new ArrayList<>();
    List<FleetResource> nodes = new ArrayList<>();
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
      switch (r.type()) {
        case REMOTE -> {
          if (r.status().equals("online")) {
            remotesOk++;
          } else {
            failing.add(r);
          }
        }
        case NODE -> {
          boolean on = r.status().equals("online");
          if (r.remoteType() == RemoteType.PBS) {
            pbsOn += on ? 1 : 0;
            pbsOff += on ? 0 : 1;
          } else {
            pveOn += on ? 1 : 0;
            pveOff += on ? 0 : 1;
            nodes.add(r);
          }
        }
        case QEMU, LXC -> {
          int[] counts = r.type() == ResourceType.QEMU ? qemu : lxc;
          counts[bucket(r)]++;
          if (r.status().equals("running")) {
            guests.add(r);
          }
        }
        case STORAGE -> {
          storages++;
          if (r.properties().contains("high-usage")) {
            full.add(r);
          }
        }
        case DATASTORE -> datastores.add(r);
      }
    }
    return new Dashboard(
        remotesOk,
        failing,
        new Count(pveOn, pveOff),
        new Count(pbsOn, pbsOff),
        new Guests(qemu[0], qemu[1], qemu[2], qemu[3]),
        new Guests(lxc[0], lxc[1], lxc[2], lxc[3]),
        storages,
        full,
        datastores,
        sync,
        health,
        top(guests, Comparator.comparingDouble(r -> r.usage().cpu())),
        top(nodes, Comparator.comparingDouble(r -> r.usage().cpu())),
        top(nodes, Comparator.comparingDouble(r -> r.usage().memoryShare())));
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

  private static List<FleetResource> top(
      List<FleetResource> rows, Comparator<FleetResource> order) {
    return rows.stream().sorted(order.reversed()).limit(TOP).toList();
  }

  /** The share at which storages count as nearly full, in percent, for the page. */
  public int highUsagePercent() {
    return (int) Math.round(FleetTable.HIGH_USAGE * 100);
  }
}
