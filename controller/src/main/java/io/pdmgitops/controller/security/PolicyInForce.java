package io.pdmgitops.controller.security;

import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.access.AccessPolicy;
import java.time.Clock;

/**
 * The access policy of the snapshot in force: rebuilt when a commit is accepted, so a valid commit
 * changes access at the next request and a rejected one changes nothing. Before the first snapshot
 * nobody but the bootstrap credential has any role.
 */
public final class PolicyInForce {
  private final SnapshotTracker snapshots;
  private final Clock clock;
  private volatile Built built =
      new Built(null, AccessPolicy.of(DesiredState.empty(), Clock.systemUTC()));

  private record Built(DesiredState state, AccessPolicy policy) {}

  public PolicyInForce(SnapshotTracker snapshots, Clock clock) {
    this.snapshots = snapshots;
    this.clock = clock;
  }

  public AccessPolicy policy() {
    DesiredState state = snapshots.state().orElse(null);
    Built now = built;
    if (state != null && state != now.state()) {
      now = new Built(state, AccessPolicy.of(state, clock));
      built = now;
    }
    return now.policy();
  }

  /** The snapshot in force, if any. */
  public java.util.Optional<DesiredState> state() {
    return snapshots.state();
  }
}
