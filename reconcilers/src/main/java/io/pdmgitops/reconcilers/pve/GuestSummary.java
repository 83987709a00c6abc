package io.pdmgitops.reconcilers.pve;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * A guest as {@code /nodes/{node}/{qemu|lxc}} lists it and {@code .../status/current} describes it;
 * {@code qmpstatus} and {@code ha} only come with the latter.
 *
 * @param vmid required: an entry without one is unreadable, never guest 0 ({@link
 *     PveClient#guestStatus} takes it from the path when the answer leaves it out)
 * @param lock empty when there is none; PVE may send an empty string for "no lock"
 */
public record GuestSummary(
    @JsonProperty(required = true) int vmid,
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
  public GuestSummary {
    lock = lock == null ? Optional.empty() : lock.filter(l -> !l.isEmpty());
  }

  public boolean isRunning() {
    return "running".equals(status);
  }

  /**
   * Paused VMs still say "running"; only qmpstatus tells. QEMU's run states where the process is
   * there but the guest does not run: paused by a user or a backup, suspended to RAM, stopped on an
   * I/O error (a full storage), or not yet started.
   */
  public boolean isPaused() {
    return qmpstatus
        .map(
            s ->
                s.equals("paused")
                    || s.equals("suspended")
                    || s.equals("io-error")
                    || s.equals("prelaunch"))
        .orElse(false);
  }

  /** HA management of the guest. */
  public record Ha(Optional<Boolean> managed, Optional<String> state) {}
}
