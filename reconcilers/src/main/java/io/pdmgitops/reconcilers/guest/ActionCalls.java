package io.pdmgitops.reconcilers.guest;

import io.pdmgitops.model.desired.Placement;
import io.pdmgitops.model.observed.ObservedPower;
import io.pdmgitops.model.plan.PlannedAction;
import io.pdmgitops.reconcilers.api.Upid;
import io.pdmgitops.reconcilers.pve.MigrationRequest;
import io.pdmgitops.reconcilers.pve.PowerAction;
import io.pdmgitops.reconcilers.pve.PveClient;
import io.pdmgitops.reconcilers.pve.RemoteMigrationRequest;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/** The one API call that starts each kind of action. */
final class ActionCalls {
  private ActionCalls() {}

  static Mono<Upid> start(PveClient client, PlannedAction action) {
    var at = action.at();
    return switch (action.kind()) {
      case START -> client.power(at.node(), at.type(), at.vmid(), PowerAction.START);
      case RESUME -> client.power(at.node(), at.type(), at.vmid(), PowerAction.RESUME);
      case SHUTDOWN -> client.power(at.node(), at.type(), at.vmid(), PowerAction.SHUTDOWN);
      case REBOOT -> client.power(at.node(), at.type(), at.vmid(), PowerAction.REBOOT);
      case MIGRATE -> {
        Placement placement = action.placement().orElseThrow();
        boolean running = at.power() == ObservedPower.RUNNING;
        yield client.migrate(
            at.node(),
            at.type(),
            at.vmid(),
            new MigrationRequest(
                placement.node(),
                running && placement.online().orElse(true),
                running && !placement.online().orElse(true),
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
    var at = action.at();
    Placement placement = action.placement().orElseThrow();
    MigrationTarget target = targets.apply(placement.remoteOr(at.remote()));
    boolean running = at.power() == ObservedPower.RUNNING;
    return client.remoteMigrate(
        at.node(),
        at.type(),
        at.vmid(),
        new RemoteMigrationRequest(
            target.host(),
            target.port(),
            target.token(),
            target.fingerprint(),
            placement.storageMap(),
            placement.bridgeMap(),
            placement.targetVmid(),
            running && placement.online().orElse(true),
            placement.deleteSource().orElse(false),
            placement.bwlimit().filter(b -> b > 0)));
  }
}
