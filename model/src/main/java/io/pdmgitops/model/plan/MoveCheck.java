package io.pdmgitops.model.plan;

import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.desired.Placement;
import io.pdmgitops.model.drift.GuestLocation;
import io.pdmgitops.model.observed.ObservedPower;
import java.util.Optional;

/**
 * What PVE refuses of a move as declared, found before anything is sent. A running (or paused) VM
 * moves only live: qemu-server answers {@code can't migrate running VM without --online}, and its
 * migrate has no {@code restart}. A container never moves live (pve-container refuses it) and moves
 * by restart instead, so its {@code online} needs no check here.
 */
public final class MoveCheck {
  private MoveCheck() {}

  /** Why the move to {@code placement} cannot be sent as declared; empty when it can. */
  public static Optional<String> refusal(GuestLocation at, Placement placement) {
    if (at.type() == GuestType.QEMU
        && hasProcess(at.power())
        && placement.online().equals(Optional.of(false))) {
      return Optional.of(
          "placement.online is false, but VM "
              + at.vmid()
              + " is "
              + (at.power() == ObservedPower.PAUSED ? "paused" : "running")
              + " and PVE moves a running VM only live: set online to true, or stop the VM"
              + " first");
    }
    return Optional.empty();
  }

  /** Running or paused: PVE calls both "running" (the process is there) when it migrates. */
  public static boolean hasProcess(ObservedPower power) {
    return power == ObservedPower.RUNNING || power == ObservedPower.PAUSED;
  }
}
