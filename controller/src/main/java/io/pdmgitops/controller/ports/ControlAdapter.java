package io.pdmgitops.controller.ports;

import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.controller.loop.ReconcileLoop;
import io.pdmgitops.controller.loop.SuspendSwitch;
import io.pdmgitops.controller.security.AuditTrail;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.Guest;
import io.pdmgitops.webui.api.NotFoundException;
import io.pdmgitops.webui.audit.AuditKind;
import io.pdmgitops.webui.control.ControlPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * Sync, suspend and resume for the API. Suspending writes the same marker as {@code pdm-gitops
 * suspend --data-dir} ({@link SuspendSwitch}), so it survives a restart and either way undoes the
 * other.
 */
public final class ControlAdapter implements ControlPort {
  private final ReconcileLoop loop;
  private final SnapshotTracker snapshots;
  private final SuspendSwitch suspend;
  private final AuditTrail audit;
  private final Clock clock;

  public ControlAdapter(
      ReconcileLoop loop,
      SnapshotTracker snapshots,
      SuspendSwitch suspend,
      AuditTrail audit,
      Clock clock) {
    this.loop = loop;
    this.snapshots = snapshots;
    this.suspend = suspend;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public String syncAll(String actor, String address) {
    audit.record(AuditKind.SYNC_REQUESTED, actor, address, "/", "");
    loop.trigger();
    return "A full cycle starts now" + suspendedNote() + ".";
  }

  @Override
  public String syncGuest(String remote, int vmid, String actor, String address) {
    Guest guest =
        snapshots
            .state()
            .flatMap(
                s ->
                    s.guests().stream()
                        .filter(g -> g.spec().remote().equals(remote) && g.spec().vmid() == vmid)
                        .findFirst())
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "Git declares no guest " + vmid + " on remote " + remote));
    ObjectRef ref = ObjectRef.of(guest);
    boolean held = loop.failures().forget(ref).isPresent();
    audit.record(AuditKind.SYNC_REQUESTED, actor, address, ref.toString(), held ? "held" : "");
    loop.trigger();
    return ref
        + " is planned in the cycle that starts now"
        + (held ? "; the failure that held it back is forgotten" : "")
        + suspendedNote()
        + ".";
  }

  @Override
  public String suspend(String reason, String actor, String address) {
    try {
      suspend.suspend(reason + " (" + actor + ")", clock.instant());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + suspend.marker(), e);
    }
    audit.record(AuditKind.SUSPENDED, actor, address, "/", reason);
    return "Suspended: no actions until resumed; observing and drift reports go on.";
  }

  @Override
  public String resume(String actor, String address) {
    boolean was;
    try {
      was = suspend.resume();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + suspend.marker(), e);
    }
    audit.record(AuditKind.RESUMED, actor, address, "/", was ? "" : "was not suspended");
    if (was) {
      loop.trigger();
    }
    return was
        ? (loop.isSuspended()
            ? "Resumed from the operator's suspend; still suspended by configuration"
                + " (pdm.suspended)."
            : "Resumed: actions start with the cycle that starts now.")
        : "Was not suspended.";
  }

  private String suspendedNote() {
    return loop.isSuspended() ? " (suspended: it observes and reports, and sends nothing)" : "";
  }
}
