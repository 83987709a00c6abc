package io.pdmgitops.simulator.pve;

import io.pdmgitops.simulator.config.NodeConfig;

/** A node's live state. Mutated only under its cluster's lock. */
final class SimNode {
  final String name;
  final int cpus;
  final long memory;
  final long rootfs;
  boolean online;

  SimNode(NodeConfig config) {
    this.name = config.name();
    this.cpus = config.cpus();
    this.memory = config.memory();
    this.rootfs = config.rootfs();
    this.online = config.online();
  }
}
