package io.pdmgitops.simulator.pve;

import io.pdmgitops.simulator.config.AptConfig;
import io.pdmgitops.simulator.config.NodeConfig;
import io.pdmgitops.simulator.config.SubscriptionConfig;

/** A node's live state. Mutated only under its cluster's lock. */
final class SimNode {
  final String name;
  final int cpus;
  final long memory;
  final long rootfs;
  boolean online;
  SubscriptionConfig subscription;
  AptConfig apt;

  SimNode(NodeConfig config) {
    this.name = config.name();
    this.cpus = config.cpus();
    this.memory = config.memory();
    this.rootfs = config.rootfs();
    this.online = config.online();
    this.subscription = config.subscription();
    this.apt = config.apt();
  }

  /** The level letter PVE shows in cluster status and resources: only for an active key. */
  String level() {
    return subscription.status().equals("active") ? subscription.level() : "";
  }
}
