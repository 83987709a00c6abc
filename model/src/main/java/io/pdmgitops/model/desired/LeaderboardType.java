package io.pdmgitops.model.desired;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a leaderboard ranks. */
public enum LeaderboardType {
  /** Guests by CPU. */
  GUEST_CPU("guest-cpu"),
  /** Nodes by CPU. */
  NODE_CPU("node-cpu"),
  /** Nodes by memory. */
  NODE_MEMORY("node-memory");

  private final String wire;

  LeaderboardType(String wire) {
    this.wire = wire;
  }

  /** The spelling used in YAML. */
  @JsonValue
  public String wire() {
    return wire;
  }
}
