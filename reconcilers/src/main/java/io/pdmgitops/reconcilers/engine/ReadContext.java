package io.pdmgitops.reconcilers.engine;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.observed.RemoteObservation;
import java.util.Objects;

/**
 * What a kind may look at to decide what to read from one remote beyond the sweep: the remote, the
 * snapshot (to read only what Git declares there) and the sweep that just answered (where a guest
 * runs, which nodes are online).
 */
public record ReadContext(Remote remote, DesiredState state, RemoteObservation.Reachable sweep) {
  public ReadContext {
    Objects.requireNonNull(remote, "remote");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(sweep, "sweep");
  }

  public String name() {
    return remote.metadata().name();
  }
}
