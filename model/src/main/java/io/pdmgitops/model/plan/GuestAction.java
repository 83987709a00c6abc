package io.pdmgitops.model.plan;

import java.time.Duration;

/**
 * What the controller does to a guest, in the order one plan prefers them. Each has a time budget:
 * how long its task is followed before the controller stops waiting for it. A migration that takes
 * an hour is followed to its end; a shutdown that hangs for an hour is not.
 */
public enum GuestAction implements ActionType {
  /** Move to another cluster ({@code remote_migrate}): disks cross the WAN. */
  REMOTE_MIGRATE(Duration.ofHours(24)),
  /** Move to another node of the same cluster ({@code migrate}). */
  MIGRATE(Duration.ofHours(6)),
  /** Boot a stopped guest. */
  START(Duration.ofMinutes(15)),
  /** Resume a paused guest that should run. */
  RESUME(Duration.ofMinutes(15)),
  /** Shut down gracefully (PVE's own shutdown timeout is 3 minutes by default). */
  SHUTDOWN(Duration.ofMinutes(30)),
  /**
   * Stop at once: when the guest declares {@code stopMethod: stop}, and for a paused VM that should
   * be stopped (its guest OS cannot act on a shutdown request, and PVE refuses one: "VM is paused -
   * cannot shutdown").
   */
  STOP(Duration.ofMinutes(15)),
  /** Reboot because {@code restartedAt} asks for it. */
  REBOOT(Duration.ofMinutes(30));

  private final Duration budget;

  GuestAction(Duration budget) {
    this.budget = budget;
  }

  @Override
  public Duration budget() {
    return budget;
  }
}
