package io.pdmgitops.model.observed;

import java.util.List;
import java.util.Objects;

/**
 * One PVE storage as one node sees it (a shared storage appears once per node, as in PVE).
 *
 * @param status {@code available} or what the node reported instead
 * @param content what it holds, e.g. images, rootdir, backup, iso
 */
public record StorageObservation(
    String node,
    String name,
    String plugintype,
    boolean shared,
    String status,
    long used,
    long total,
    List<String> content) {
  public StorageObservation {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(plugintype, "plugintype");
    Objects.requireNonNull(status, "status");
    content = List.copyOf(content);
  }
}
