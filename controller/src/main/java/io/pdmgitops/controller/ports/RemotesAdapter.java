package io.pdmgitops.controller.ports;

import io.pdmgitops.controller.loop.ReconcileLoop;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.fleet.FleetResource;
import io.pdmgitops.model.fleet.ResourceType;
import io.pdmgitops.model.observed.RemoteObservation;
import io.pdmgitops.reconcilers.remote.InventoryCollector;
import io.pdmgitops.reconcilers.remote.RemoteClients;
import io.pdmgitops.webui.api.RemoteDetail;
import io.pdmgitops.webui.api.RemoteInventory;
import io.pdmgitops.webui.api.RemotesPort;
import io.pdmgitops.webui.api.ResourceRowView;
import io.pdmgitops.webui.fleet.FleetPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The remotes of the last full cycle, with the collector's back-off. */
public final class RemotesAdapter implements RemotesPort {
  private final ReconcileLoop loop;
  private final FleetPort fleet;
  private final InventoryCollector inventory;
  private final RemoteClients clients;

  public RemotesAdapter(
      ReconcileLoop loop, FleetPort fleet, InventoryCollector inventory, RemoteClients clients) {
    this.loop = loop;
    this.fleet = fleet;
    this.inventory = inventory;
    this.clients = clients;
  }

  @Override
  public Optional<RemoteInventory> remote(String name) {
    Optional<RemoteDetail> summary =
        remotes().stream().filter(r -> r.name().equals(name)).findFirst();
    if (summary.isEmpty()) {
      return Optional.empty();
    }
    List<ResourceRowView> nodes = new ArrayList<>();
    List<ResourceRowView> storages = new ArrayList<>();
    for (FleetResource r : fleet.snapshot().resources()) {
      if (!r.remote().equals(name)) {
        continue;
      }
      if (r.type() == ResourceType.NODE) {
        nodes.add(ResourceRowView.of(r));
      } else if (r.type() == ResourceType.STORAGE || r.type() == ResourceType.DATASTORE) {
        storages.add(ResourceRowView.of(r));
      }
    }
    nodes.sort(java.util.Comparator.comparing(ResourceRowView::name));
    storages.sort(
        java.util.Comparator.comparing((ResourceRowView v) -> v.node().orElse(""))
            .thenComparing(ResourceRowView::name));
    return Optional.of(
        new RemoteInventory(summary.get(), answering(name), nodes, storages, unmanaged(name)));
  }

  /** What the last report found on the remote of configuration kinds that nothing declares. */
  private List<RemoteInventory.UnmanagedView> unmanaged(String name) {
    return loop.latestObserved()
        .map(
            o -> {
              List<String> pruned =
                  o.state().remote(name).map(r -> r.spec().pruneUnmanaged()).orElse(List.of());
              return o.report().unmanagedObjects().stream()
                  .filter(u -> u.remote().equals(name))
                  .map(
                      u ->
                          new RemoteInventory.UnmanagedView(
                              u.kind().kindName(),
                              u.id(),
                              u.summary(),
                              pruned.contains(u.kind().kindName())))
                  .toList();
            })
        .orElse(List.of());
  }

  /** The endpoint the client reached last; nothing before the first answer. */
  private Optional<String> answering(String name) {
    return clients.lastAnswered(name).map(e -> e.url().toString());
  }

  @Override
  public List<RemoteDetail> remotes() {
    var observed = loop.latestObserved();
    if (observed.isEmpty()) {
      return List.of();
    }
    // One pass over the table: nodes online, nodes, guests, declared guests, storages per remote.
    Map<String, int[]> counts = new HashMap<>();
    for (FleetResource r : fleet.snapshot().resources()) {
      int[] c = counts.computeIfAbsent(r.remote(), k -> new int[5]);
      if (r.type() == ResourceType.NODE) {
        c[0] += r.status().equals("online") ? 1 : 0;
        c[1]++;
      } else if (r.type().isGuest()) {
        c[2] += r.observed() ? 1 : 0; // what the remote has, not what Git expects of it
        c[3] += r.declared().isPresent() ? 1 : 0;
      } else if (r.type() == ResourceType.STORAGE || r.type() == ResourceType.DATASTORE) {
        c[4]++;
      }
    }
    List<RemoteDetail> out = new ArrayList<>();
    for (Remote remote : observed.get().state().remotes()) {
      String name = remote.metadata().name();
      Optional<RemoteObservation> seen = observed.get().inventory().remote(name);
      int[] c = counts.getOrDefault(name, new int[5]);
      Optional<RemoteObservation.Unreachable> down =
          seen.filter(RemoteObservation.Unreachable.class::isInstance)
              .map(RemoteObservation.Unreachable.class::cast);
      out.add(
          new RemoteDetail(
              name,
              remote.spec().type().wire(),
              remote.spec().endpoints().stream()
                  .map(e -> new RemoteDetail.Endpoint(e.url(), e.fingerprint()))
                  .toList(),
              seen.isEmpty() ? "unknown" : down.isPresent() ? "offline" : "online",
              down.map(d -> d.reason().name()),
              down.map(RemoteObservation.Unreachable::message).orElse(""),
              seen.filter(RemoteObservation.Reachable.class::isInstance)
                  .map(o -> ((RemoteObservation.Reachable) o).version()),
              c[0],
              c[1],
              c[2],
              c[3],
              c[4],
              Optional.of(observed.get().inventory().observedAt().toString()),
              inventory.nextAllowedPoll(name).map(Object::toString)));
    }
    return out;
  }
}
