package io.pdmgitops.controller.git;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.load.DesiredStateLoader;
import io.pdmgitops.model.load.LoadResult;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns checked-out commits into snapshots and remembers the last good one. A commit that does not
 * validate is recorded with its problems and changes nothing that is in force.
 */
public final class SnapshotTracker {
  private final DesiredStateLoader loader;
  private volatile Optional<CommitOutcome.Accepted> lastGood = Optional.empty();
  private volatile Optional<CommitOutcome> latest = Optional.empty();

  public SnapshotTracker(DesiredStateLoader loader) {
    this.loader = loader;
  }

  /** Loads the commit's tree; the result becomes the latest outcome, and if good, the state. */
  public CommitOutcome load(CommitInfo commit, Path root) {
    LoadResult result = loader.load(root);
    CommitOutcome outcome =
        result.state().isPresent()
            ? new CommitOutcome.Accepted(commit, result.state().get(), result.problems())
            : new CommitOutcome.Rejected(commit, result.problems());
    if (outcome instanceof CommitOutcome.Accepted accepted) {
      lastGood = Optional.of(accepted);
    }
    latest = Optional.of(outcome);
    return outcome;
  }

  /** The snapshot in force: the last commit that validated. */
  public Optional<DesiredState> state() {
    return lastGood.map(CommitOutcome.Accepted::state);
  }

  public Optional<CommitOutcome.Accepted> lastGood() {
    return lastGood;
  }

  public Optional<CommitOutcome> latest() {
    return latest;
  }
}
