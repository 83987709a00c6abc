package io.pdmgitops.model.fleet;

import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.model.drift.Health;
import io.pdmgitops.model.drift.SyncStatus;
import io.pdmgitops.model.observed.ResourceUsage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the fleet table.
 *
 * @param id PDM's global id: {@code remote/{r}}, {@code remote/{r}/node/{node}}, {@code
 *     remote/{r}/guest/{vmid}}, {@code remote/{r}/storage/{node}/{storage}}, {@code
 *     remote/{r}/datastore/{store}}
 * @param status running, stopped, paused, unknown (guests); online, offline (nodes, remotes);
 *     available, unknown (storages, datastores)
 * @param properties flags searched with {@code property:}, e.g. {@code shared}, {@code high-usage},
 *     {@code locked}
 * @param declared the name of the Git document that declares it, if any
 * @param message why it is not synced or healthy, or a remote's error
 */
public record FleetResource(
    String id,
    ResourceType type,
    String remote,
    RemoteType remoteType,
    String name,
    Optional<String> node,
    Optional<Integer> vmid,
    String status,
    boolean template,
    List<String> tags,
    Optional<String> pool,
    List<String> properties,
    ResourceUsage usage,
    Optional<String> declared,
    Optional<SyncStatus> sync,
    Optional<Health> health,
    String message) {
  /** The property of a row that only Git knows: a declared guest its remote does not report. */
  public static final String NOT_OBSERVED = "not-observed";

  public FleetResource {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(remote, "remote");
    Objects.requireNonNull(remoteType, "remoteType");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    node = node == null ? Optional.empty() : node;
    vmid = vmid == null ? Optional.empty() : vmid;
    tags = tags == null ? List.of() : List.copyOf(tags);
    pool = pool == null ? Optional.empty() : pool;
    properties = properties == null ? List.of() : List.copyOf(properties);
    usage = usage == null ? ResourceUsage.NONE : usage;
    declared = declared == null ? Optional.empty() : declared;
    sync = sync == null ? Optional.empty() : sync;
    health = health == null ? Optional.empty() : health;
    message = message == null ? "" : message;
  }

  /** Whether the remote reported it; false for a declared guest that is missing or not yet seen. */
  public boolean observed() {
    return !properties.contains(NOT_OBSERVED);
  }
}
