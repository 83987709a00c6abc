package io.pdmgitops.controller.ports;

import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.webui.api.NotFoundException;

/** A remote a user's request names: one the snapshot in force declares, else a 404. */
public final class DeclaredRemote {
  private DeclaredRemote() {}

  /**
   * @throws NotFoundException when Git declares no remote of that name
   */
  public static Remote of(SnapshotTracker snapshots, String remote) {
    return snapshots
        .state()
        .flatMap(s -> s.remote(remote))
        .orElseThrow(() -> new NotFoundException("no remote named " + remote));
  }
}
