package io.pdmgitops.simulator.config;

import java.util.List;

/**
 * A VM or container as the fleet starts with it.
 *
 * @param agent qemu: the guest agent is enabled in the config ({@code agent: 1} in status/current)
 */
public record GuestConfig(
    int vmid,
    String name,
    String type,
    String node,
    String status,
    int cpus,
    long memory,
    long disk,
    List<String> tags,
    String pool,
    boolean template,
    boolean ha,
    String lock,
    boolean agent) {
  public GuestConfig {
    tags = List.copyOf(tags);
  }
}
