package io.pdmgitops.reconcilers.guest;

import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.drift.GuestLocation;
import io.pdmgitops.model.observed.ObservedPower;
import io.pdmgitops.model.plan.GuestAction;
import io.pdmgitops.model.plan.GuestTarget;
import io.pdmgitops.model.plan.PlannedAction;
import io.pdmgitops.reconcilers.engine.JournalJson;
import io.pdmgitops.reconcilers.engine.JournaledAction;
import java.util.Optional;

/**
 * A guest action in the journal's generic shape and back. Its parameters are what following it
 * after a restart needs (node, type and vmid: where its task is), plus the move's destination for
 * people reading the history.
 */
public final class GuestJournalCodec {
  /** The JSON of a guest action's parameters. */
  record Stored(String node, String type, int vmid, String to) {}

  private GuestJournalCodec() {}

  public static JournaledAction encode(PlannedAction action) {
    GuestTarget target = GuestTarget.of(action);
    var at = target.at();
    String to = target.placement().map(p -> p.remoteOr(at.remote()) + "/" + p.node()).orElse(null);
    return new JournaledAction(
        action.resource(),
        action.remote(),
        action.type().name(),
        JournalJson.write(new Stored(at.node(), at.type().wire(), at.vmid(), to)),
        action.reason());
  }

  /**
   * The action as far as following it needs: where the guest was when it was sent; its power then
   * is not stored, and a move's placement is not needed to find its task.
   */
  public static PlannedAction decode(JournaledAction stored) {
    Stored params = JournalJson.read(stored, Stored.class);
    GuestType type = "lxc".equals(params.type()) ? GuestType.LXC : GuestType.QEMU;
    return PlannedAction.guest(
        stored.resource(),
        new GuestLocation(
            stored.remote(), params.node(), type, params.vmid(), ObservedPower.UNKNOWN),
        GuestAction.valueOf(stored.action()),
        stored.reason(),
        Optional.empty());
  }
}
