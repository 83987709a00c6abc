package io.pdmgitops.reconcilers.guest;

import io.pdmgitops.model.desired.Placement;
import io.pdmgitops.model.plan.GuestAction;
import io.pdmgitops.model.plan.GuestTarget;
import io.pdmgitops.model.plan.MoveCheck;
import io.pdmgitops.model.plan.PlannedAction;
import io.pdmgitops.reconcilers.api.Upid;
import io.pdmgitops.reconcilers.pve.MigrationRequest;
import io.pdmgitops.reconcilers.pve.PowerAction;
import io.pdmgitops.reconcilers.pve.PveClient;
import io.pdmgitops.reconcilers.pve.RemoteMigrationRequest;
import java.util.Optional;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/** The one API call that starts each kind of action. */
final class ActionCalls {
  private ActionCalls() {}

  static Mono<Upid> start(PveClient client, PlannedAction action) {
    var at = GuestTarget.of(action).at();
    return switch ((GuestAction) action.type()) {
      case START -> client.power(at.node(), at.type(), at.vmid(), PowerAction.START);
      case RESUME -> client.power(at.node(), at.type(), at.vmid(), PowerAction.RESUME);
      case SHUTDOWN -> client.power(at.node(), at.type(), at.vmid(), PowerAction.SHUTDOWN);
      case STOP -> client.power(at.node(), at.type(), at.vmid(), PowerAction.STOP);
      case REBOOT -> client.power(at.node(), at.type(), at.vmid(), PowerAction.REBOOT);
      case MIGRATE -> {
        Placement placement = movable(action);
        yield client.migrate(
            at.node(),
            at.vmid(),
            new MigrationRequest(
                at.type(),
                placement.node(),
                MoveCheck.hasProcess(at.power()),
                Optional.empty(), // the placement has no shutdown timeout: PVE's default
                placement.bwlimit().filter(b -> b > 0)));
      }
      case REMOTE_MIGRATE ->
          throw new IllegalArgumentException(
              "a cross-cluster move needs its target: remoteMigrate");
    };
  }

  /**
   * Starts a cross-cluster move: the source cluster is handed the target's endpoint, token and pin.
   * The maps come from the placement; the schema requires them for a move to another remote.
   */
  static Mono<Upid> remoteMigrate(
      PveClient client, PlannedAction action, Function<String, MigrationTarget> targets) {
    var at = GuestTarget.of(action).at();
    Placement placement = movable(action);
    MigrationTarget target = targets.apply(placement.remoteOr(at.remote()));
    return client.remoteMigrate(
        at.node(),
        at.vmid(),
        new RemoteMigrationRequest(
            at.type(),
            target.host(),
            target.port(),
            target.token(),
            target.fingerprint(),
            placement.storageMap(),
            placement.bridgeMap(),
            placement.targetVmid(),
            MoveCheck.hasProcess(at.power()),
            Optional.empty(),
            placement.deleteSource().orElse(false),
            placement.bwlimit().filter(b -> b > 0)));
  }

  /**
   * The placement of a move PVE accepts as declared. The planner does not plan one it would refuse;
   * should one come anyway (a plan made before the guest started), it is not sent: the executor
   * journals the reason as "not sent".
   */
  private static Placement movable(PlannedAction action) {
    GuestTarget target = GuestTarget.of(action);
    Placement placement = target.placement().orElseThrow();
    MoveCheck.refusal(target.at(), placement)
        .ifPresent(
            reason -> {
              throw new IllegalArgumentException(reason);
            });
    return placement;
  }
}
