package io.pdmgitops.simulator.config;

import java.util.List;

/**
 * A PVE storage.
 *
 * @param nodes where it is enabled; empty means every node
 */
public record StorageConfig(
    String name,
    String type,
    String content,
    boolean shared,
    long size,
    long used,
    List<String> nodes) {
  public StorageConfig {
    nodes = List.copyOf(nodes);
  }
}
