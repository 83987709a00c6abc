package io.pdmgitops.webui.health;

import io.pdmgitops.model.access.AccessPath;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of an overview's table: what it is about (remote, node or guest; its read permission
 * shows the row) and its fields in column order.
 *
 * @param node the node it is about; empty for the remote as a whole or a guest
 * @param vmid the guest it is about
 * @param fields column name to text, in column order
 */
public record OverviewRow(
    String remote, Optional<String> node, Optional<Integer> vmid, Map<String, String> fields) {
  public OverviewRow {
    Objects.requireNonNull(remote, "remote");
    node = node == null ? Optional.empty() : node;
    vmid = vmid == null ? Optional.empty() : vmid;
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public static OverviewRow ofNode(String remote, String node, Map<String, String> fields) {
    return new OverviewRow(remote, Optional.of(node), Optional.empty(), fields);
  }

  public static OverviewRow ofRemote(String remote, Map<String, String> fields) {
    return new OverviewRow(remote, Optional.empty(), Optional.empty(), fields);
  }

  public static OverviewRow ofGuest(String remote, int vmid, Map<String, String> fields) {
    return new OverviewRow(remote, Optional.empty(), Optional.of(vmid), fields);
  }

  /** The path whose read permission shows the row. */
  public AccessPath path() {
    if (vmid.isPresent()) {
      return AccessPath.guest(remote, vmid.get());
    }
    return node.map(n -> AccessPath.node(remote, n)).orElse(AccessPath.remote(remote));
  }
}
