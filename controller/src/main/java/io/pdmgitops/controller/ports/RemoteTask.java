package io.pdmgitops.controller.ports;

import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.model.access.RemoteToken;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.reconcilers.api.TaskLog;
import io.pdmgitops.reconcilers.api.TaskStatus;
import io.pdmgitops.reconcilers.api.Upid;
import io.pdmgitops.reconcilers.pbs.PbsClient;
import io.pdmgitops.reconcilers.pve.PveClient;
import io.pdmgitops.reconcilers.remote.RemoteClients;
import io.pdmgitops.reconcilers.remote.SecretResolver;
import io.pdmgitops.webui.api.NotFoundException;
import io.pdmgitops.webui.api.RemoteReadException;
import reactor.core.publisher.Mono;

/**
 * One task of a declared remote, reached with a chosen token: its status, log and stop, the same
 * for PVE (the UPID's node) and PBS (its one node). Built on a thread that may block: resolving the
 * token reads a file and a new client sets up TLS.
 */
final class RemoteTask {
  private final Upid upid;
  private final PveClient pve;
  private final PbsClient pbs;

  private RemoteTask(Upid upid, PveClient pve, PbsClient pbs) {
    this.upid = upid;
    this.pve = pve;
    this.pbs = pbs;
  }

  /**
   * @throws NotFoundException for a malformed UPID or a remote Git does not declare
   * @throws RemoteReadException when the token's secret cannot be resolved
   */
  static RemoteTask of(
      SnapshotTracker snapshots,
      RemoteClients clients,
      String remote,
      String upidText,
      RemoteToken via) {
    Upid upid =
        Upid.parse(upidText)
            .orElseThrow(() -> new NotFoundException("'" + upidText + "' is not a UPID"));
    Remote declared = DeclaredRemote.of(snapshots, remote);
    try {
      return declared.spec().type() == RemoteType.PBS
          ? new RemoteTask(upid, null, clients.pbs(declared, via))
          : new RemoteTask(upid, clients.pve(declared, via), null);
    } catch (SecretResolver.SecretUnavailableException e) {
      throw new RemoteReadException(remote + ": " + e.getMessage());
    }
  }

  Mono<TaskStatus> status() {
    return pbs != null ? pbs.taskStatus(upid) : pve.taskStatus(upid);
  }

  Mono<TaskLog> log(int start, int limit) {
    return pbs != null ? pbs.taskLog(upid, start, limit) : pve.taskLog(upid, start, limit);
  }

  Mono<Void> stop() {
    return pbs != null ? pbs.stopTask(upid) : pve.stopTask(upid);
  }
}
