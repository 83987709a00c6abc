package io.pdmgitops.model.access;

import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.model.fleet.FleetResource;
import io.pdmgitops.model.fleet.ResourceType;
import io.pdmgitops.model.observed.ResourceUsage;
import java.util.List;
import java.util.Optional;

/** Fleet table rows for the access tests: only what paths and view filters read is filled in. */
final class Rows {
  private Rows() {}

  static FleetResource remote(String remote) {
    return row("remote/" + remote, ResourceType.REMOTE, remote, remote, null, null, List.of());
  }

  static FleetResource node(String remote, String node) {
    return row(
        "remote/" + remote + "/node/" + node,
        ResourceType.NODE,
        remote,
        node,
        node,
        null,
        List.of());
  }

  static FleetResource guest(String remote, int vmid, String... tags) {
    return row(
        "remote/" + remote + "/guest/" + vmid,
        ResourceType.QEMU,
        remote,
        "vm-" + vmid,
        "pve-1",
        vmid,
        List.of(tags));
  }

  static FleetResource container(String remote, int vmid) {
    return row(
        "remote/" + remote + "/guest/" + vmid,
        ResourceType.LXC,
        remote,
        "ct-" + vmid,
        "pve-1",
        vmid,
        List.of());
  }

  static FleetResource storage(String remote, String node, String storage) {
    return row(
        "remote/" + remote + "/storage/" + node + "/" + storage,
        ResourceType.STORAGE,
        remote,
        storage,
        node,
        null,
        List.of());
  }

  static FleetResource datastore(String remote, String store) {
    return new FleetResource(
        "remote/" + remote + "/datastore/" + store,
        ResourceType.DATASTORE,
        remote,
        RemoteType.PBS,
        store,
        Optional.empty(),
        Optional.empty(),
        "available",
        false,
        List.of(),
        Optional.empty(),
        List.of(),
        ResourceUsage.NONE,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        "");
  }

  static FleetResource row(
      String id,
      ResourceType type,
      String remote,
      String name,
      String node,
      Integer vmid,
      List<String> tags) {
    return new FleetResource(
        id,
        type,
        remote,
        RemoteType.PVE,
        name,
        Optional.ofNullable(node),
        Optional.ofNullable(vmid),
        "running",
        false,
        tags,
        Optional.empty(),
        List.of(),
        ResourceUsage.NONE,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        "");
  }
}
