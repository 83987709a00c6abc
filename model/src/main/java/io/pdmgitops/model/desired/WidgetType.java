package io.pdmgitops.model.desired;

import com.fasterxml.jackson.annotation.JsonValue;

/** Dashboard widget types, as in PDM. */
public enum WidgetType {
  /** Node status counts. */
  NODES("nodes"),
  /** Guest status counts. */
  GUESTS("guests"),
  /** PBS datastore status and usage. */
  PBS_DATASTORES("pbs-datastores"),
  /** Remote status counts. */
  REMOTES("remotes"),
  /** Subscription status of the remotes. */
  SUBSCRIPTION("subscription"),
  /** SDN zone status. */
  SDN("sdn"),
  /** Health findings per severity of what the view shows (not in PDM). */
  HEALTH("health"),
  /** Top guests or nodes by usage. */
  LEADERBOARD("leaderboard"),
  /** Recent tasks by category or remote. */
  TASK_SUMMARY("task-summary"),
  /** Tree of remotes, nodes and guests. */
  RESOURCE_TREE("resource-tree"),
  /** CPU, memory or storage gauge over nodes. */
  NODE_RESOURCE_GAUGE("node-resource-gauge"),
  /** Remote locations. */
  MAP("map");

  private final String wire;

  WidgetType(String wire) {
    this.wire = wire;
  }

  /** The spelling used in YAML. */
  @JsonValue
  public String wire() {
    return wire;
  }
}
