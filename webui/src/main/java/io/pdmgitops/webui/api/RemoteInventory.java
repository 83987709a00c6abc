package io.pdmgitops.webui.api;

import java.util.List;
import java.util.Optional;

/**
 * One remote in full: GET /api/v1/remotes/{name} and its page. Its summary, the endpoint that
 * answered last (failover moves it), and its nodes and storages (PBS: datastores) as the fleet
 * table has them.
 *
 * @param answering the URL of the endpoint that answered the last request, if any did
 */
public record RemoteInventory(
    RemoteDetail remote,
    Optional<String> answering,
    List<ResourceRowView> nodes,
    List<ResourceRowView> storages,
    List<UnmanagedView> unmanaged) {
  public RemoteInventory {
    nodes = List.copyOf(nodes);
    storages = List.copyOf(storages);
    unmanaged = List.copyOf(unmanaged);
  }

  public RemoteInventory(
      RemoteDetail remote,
      Optional<String> answering,
      List<ResourceRowView> nodes,
      List<ResourceRowView> storages) {
    this(remote, answering, nodes, storages, List.of());
  }

  /**
   * An object of a configuration kind (a backup job) on the remote that no document declares.
   *
   * @param pruned whether the remote's {@code pruneUnmanaged} has the controller delete it
   */
  public record UnmanagedView(String kind, String id, String summary, boolean pruned) {}
}
