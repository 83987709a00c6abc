package io.pdmgitops.reconcilers.pve;

import io.pdmgitops.model.observed.GuestObservation;
import io.pdmgitops.model.observed.NodeObservation;
import io.pdmgitops.model.observed.StorageObservation;
import java.util.List;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One {@code GET /cluster/resources} answer as the inventory keeps it: nodes, guests and storages.
 * Guests on an offline node have power Unknown, never "stopped"; a guest without a name is called
 * as PVE's GUI calls it ("VM 100", "CT 101").
 */
@JsonDeserialize(using = ClusterInventoryReader.class)
public record ClusterInventory(
    List<NodeObservation> nodes, List<GuestObservation> guests, List<StorageObservation> storages) {
  public static final ClusterInventory EMPTY =
      new ClusterInventory(List.of(), List.of(), List.of());

  public ClusterInventory {
    nodes = List.copyOf(nodes);
    guests = List.copyOf(guests);
    storages = List.copyOf(storages);
  }
}
