package io.pdmgitops.controller.write;

import io.pdmgitops.controller.git.GitWriter;
import io.pdmgitops.webui.write.IntentOutcome;

/** What a change's outcome in Git means to the user who asked for it. */
final class WriteOutcomes {
  private WriteOutcomes() {}

  /**
   * @param done what was done, for the message of a pushed commit
   * @param fetchNow asks for a fetch, so a pushed commit is acted on at once
   * @param links where a branch pushed for review gets its merge request
   * @param plans what such a branch would do once merged
   */
  static IntentOutcome of(
      GitWriter.Outcome outcome,
      ChangeCheck check,
      String done,
      Runnable fetchNow,
      ReviewLinks links,
      ReviewPlans plans) {
    if (outcome instanceof GitWriter.Proposed proposed) {
      return new IntentOutcome.Proposed(
          proposed.branch(),
          "Pushed "
              + proposed.sha().substring(0, 12)
              + " ("
              + done
              + ") to the new branch "
              + proposed.branch()
              + " for review: it takes effect once merged into "
              + links.target()
              + ". "
              + plans.summary(proposed.branch()),
          links.link(proposed.branch()));
    }
    if (outcome instanceof GitWriter.Committed committed) {
      fetchNow.run();
      return new IntentOutcome.Committed(
          committed.sha(),
          done,
          "Committed "
              + committed.sha().substring(0, 12)
              + ": "
              + done
              + ". The controller acts on it once fetched.");
    }
    if (outcome instanceof GitWriter.Unchanged) {
      return new IntentOutcome.Unchanged("Git already says so: nothing to commit.");
    }
    if (outcome instanceof GitWriter.Refused refused) {
      return check.forbidden()
          ? new IntentOutcome.Refused(refused.reason())
          : new IntentOutcome.Problem("Not committed: " + refused.reason() + ".");
    }
    if (outcome instanceof GitWriter.Conflict conflict) {
      return new IntentOutcome.Problem(
          "Not committed: "
              + String.join(", ", conflict.files())
              + " changed in Git meanwhile on the same lines. Reload and try again.");
    }
    return new IntentOutcome.Problem("Not committed: " + ((GitWriter.Failed) outcome).reason());
  }
}
