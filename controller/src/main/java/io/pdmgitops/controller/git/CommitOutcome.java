package io.pdmgitops.controller.git;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.load.Problem;
import java.util.List;

/** What one fetched commit came to. */
public sealed interface CommitOutcome {
  CommitInfo commit();

  /** The commit validated: its snapshot is now in force (warnings allowed). */
  record Accepted(CommitInfo commit, DesiredState state, List<Problem> warnings)
      implements CommitOutcome {
    public Accepted {
      warnings = List.copyOf(warnings);
    }
  }

  /** The commit did not validate: it is never acted upon, the last good snapshot stays. */
  record Rejected(CommitInfo commit, List<Problem> problems) implements CommitOutcome {
    public Rejected {
      problems = List.copyOf(problems);
    }
  }
}
