package io.pdmgitops.simulator.config;

import java.util.List;

/**
 * A PVE storage.
 *
 * @param nodes where it is enabled; empty means every node
 * @param server for a {@code pbs} storage, the simulated backup server (by name) its backups go to
 * @param datastore for a {@code pbs} storage, the datastore on that server
 */
public record StorageConfig(
    String name,
    String type,
    String content,
    boolean shared,
    long size,
    long used,
    List<String> nodes,
    java.util.Optional<String> server,
    java.util.Optional<String> datastore) {
  public StorageConfig {
    nodes = List.copyOf(nodes);
    server = server == null ? java.util.Optional.empty() : server;
    datastore = datastore == null ? java.util.Optional.empty() : datastore;
  }

  public StorageConfig(
      String name,
      String type,
      String content,
      boolean shared,
      long size,
      long used,
      List<String> nodes) {
    this(
        name,
        type,
        content,
        shared,
        size,
        used,
        nodes,
        java.util.Optional.empty(),
        java.util.Optional.empty());
  }
}
