package io.pdmgitops.reconcilers.pve;

import java.util.Optional;

/**
 * A guest as {@code /nodes/{node}/{qemu|lxc}} lists it and {@code .../status/current} describes it;
 * {@code qmpstatus} and {@code ha} only come with the latter.
 */
public record GuestSummary(
    int vmid,
    Optional<String> name,
    String status,
    Optional<String> qmpstatus,
    Optional<Double> cpus,
    Optional<Double> cpu,
    Optional<Long> maxmem,
    Optional<Long> mem,
    Optional<Long> maxdisk,
    Optional<Long> disk,
    Optional<Long> uptime,
    Optional<Boolean> template,
    Optional<String> lock,
    Optional<String> tags,
    Optional<Integer> pid,
    Optional<Ha> ha) {

  public boolean isRunning() {
    return "running".equals(status);
  }

  /** Paused VMs still say "running"; only qmpstatus tells. */
  public boolean isPaused() {
    return qmpstatus.map(s -> s.equals("paused") || s.equals("suspended")).orElse(false);
  }

  /** HA management of the guest. */
  public record Ha(Optional<Boolean> managed, Optional<String> state) {}
}
