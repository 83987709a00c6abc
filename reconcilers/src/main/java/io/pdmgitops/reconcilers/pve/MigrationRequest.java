package io.pdmgitops.reconcilers.pve;

import io.pdmgitops.model.desired.GuestType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An in-cluster migration, {@code POST .../migrate}. A running guest keeps running, each type the
 * one way PVE allows: a VM moves live ({@code online}; qemu-server's migrate has no {@code
 * restart}, a 400), a container by restart ({@code restart}: shut down, moved, started again;
 * pve-container refuses live migration in the worker, the task ends "migration aborted"). A running
 * VM cannot be moved offline at all, so there is nothing here to ask for it.
 *
 * @param type the guest's type: the path and which parameters the call takes
 * @param running the guest runs now: a VM is sent {@code online=1}, a container {@code restart=1}
 * @param restartTimeout containers only: seconds to wait for the shutdown before the move (PVE's
 *     default 180); VMs have no such parameter
 * @param bwlimit KiB/s
 */
public record MigrationRequest(
    GuestType type,
    String targetNode,
    boolean running,
    Optional<Integer> restartTimeout,
    Optional<Long> bwlimit) {
  public MigrationRequest {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(targetNode, "targetNode");
    restartTimeout = checkedRestartTimeout(type, restartTimeout);
    bwlimit = bwlimit == null ? Optional.empty() : bwlimit;
  }

  Map<String, String> form() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("target", targetNode);
    putRunningMove(form, type, running, restartTimeout);
    bwlimit.ifPresent(b -> form.put("bwlimit", String.valueOf(b)));
    return form;
  }

  /**
   * How a running guest moves, shared with {@link RemoteMigrationRequest}: both endpoints take the
   * same {@code online}/{@code restart}/{@code timeout} per guest type.
   */
  static void putRunningMove(
      Map<String, String> form, GuestType type, boolean running, Optional<Integer> timeout) {
    if (!running) {
      return; // a stopped guest moves as it is: PVE needs neither
    }
    if (type == GuestType.QEMU) {
      form.put("online", "1");
    } else {
      form.put("restart", "1");
      timeout.ifPresent(t -> form.put("timeout", String.valueOf(t)));
    }
  }

  /** A VM's migrate has no {@code timeout}: sending one would be refused with a 400. */
  static Optional<Integer> checkedRestartTimeout(GuestType type, Optional<Integer> timeout) {
    Optional<Integer> value = timeout == null ? Optional.empty() : timeout;
    if (value.isPresent() && type == GuestType.QEMU) {
      throw new IllegalArgumentException(
          "a restart timeout is for containers; a VM moves live and has none");
    }
    if (value.isPresent() && value.get() < 0) {
      throw new IllegalArgumentException("a restart timeout cannot be negative: " + value.get());
    }
    return value;
  }
}
