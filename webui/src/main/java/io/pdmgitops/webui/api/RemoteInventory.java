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
    List<ResourceRowView> storages) {
  public RemoteInventory {
    nodes = List.copyOf(nodes);
    storages = List.copyOf(storages);
  }
}
