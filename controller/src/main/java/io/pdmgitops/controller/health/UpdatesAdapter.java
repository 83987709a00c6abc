package io.pdmgitops.controller.health;

import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.controller.ports.DeclaredRemote;
import io.pdmgitops.controller.ports.UserCallErrors;
import io.pdmgitops.controller.security.AuditTrail;
import io.pdmgitops.model.access.RemoteToken;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.reconcilers.pve.PveClient;
import io.pdmgitops.reconcilers.remote.RemoteClients;
import io.pdmgitops.reconcilers.remote.SecretResolver;
import io.pdmgitops.webui.api.NotFoundException;
import io.pdmgitops.webui.api.RemoteReadException;
import io.pdmgitops.webui.audit.AuditKind;
import io.pdmgitops.webui.health.UpdatesPort;
import java.time.Duration;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * A node's packages on demand, sent with the token the caller's access chose so the remote's own
 * privileges limit it too (PVE asks Sys.Modify on the node for both). The index refresh is audited.
 */
public final class UpdatesAdapter implements UpdatesPort {
  /** apt-get changelog on the node may take up to 10 s (pve-manager's own limit). */
  static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final SnapshotTracker snapshots;
  private final RemoteClients clients;
  private final AuditTrail audit;

  public UpdatesAdapter(SnapshotTracker snapshots, RemoteClients clients, AuditTrail audit) {
    this.snapshots = snapshots;
    this.clients = clients;
    this.audit = audit;
  }

  @Override
  public Mono<String> changelog(
      String remote, String node, String pkg, String version, RemoteToken via) {
    return call(remote, via, pve -> pve.changelog(node, pkg, version));
  }

  @Override
  public Mono<String> refresh(
      String remote, String node, RemoteToken via, String actor, String address) {
    String target = "/remotes/" + remote + "/nodes/" + node;
    return call(remote, via, pve -> pve.refreshUpdates(node).map(upid -> upid.text()))
        .doOnNext(
            upid ->
                audit.record(
                    AuditKind.PACKAGE_INDEX_REFRESHED,
                    actor,
                    address,
                    target,
                    via.describe() + ": " + upid))
        .doOnError(
            e ->
                audit.record(
                    AuditKind.PACKAGE_INDEX_REFRESH_FAILED,
                    actor,
                    address,
                    target,
                    e.getMessage()));
  }

  private <T> Mono<T> call(String remote, RemoteToken via, Function<PveClient, Mono<T>> request) {
    return Mono.defer(
            () -> {
              Remote declared = DeclaredRemote.of(snapshots, remote);
              if (declared.spec().type() != RemoteType.PVE) {
                throw new NotFoundException(remote + " is no PVE remote");
              }
              try {
                return request.apply(clients.pve(declared, via));
              } catch (SecretResolver.SecretUnavailableException e) {
                return Mono.error(new RemoteReadException(remote + ": " + e.getMessage()));
              }
            })
        .transform(call -> UserCallErrors.mapped(call, remote, via, TIMEOUT));
  }
}
