package io.pdmgitops.controller.write;

import io.pdmgitops.controller.git.CommitOutcome;
import io.pdmgitops.controller.git.GitWriter;
import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.controller.security.PolicyInForce;
import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.access.Caller;
import io.pdmgitops.webui.write.IntentOutcome;
import io.pdmgitops.webui.write.RevertPort;
import java.util.HashSet;
import java.util.Optional;

/**
 * Reverting a commit from History: a new commit that undoes it on top of the branch, authored by
 * the caller, refused unless the caller may change every object the revert changes (compared with
 * the snapshot in force) and the result loads without errors.
 */
public final class Reverts implements RevertPort {
  private final SnapshotTracker snapshots;
  private final GitWriter writer;
  private final PolicyInForce policy;
  private final Runnable fetchNow;
  private final ReviewLinks links;
  private final ReviewPlans plans;

  public Reverts(
      SnapshotTracker snapshots,
      GitWriter writer,
      PolicyInForce policy,
      Runnable fetchNow,
      ReviewLinks links,
      ReviewPlans plans) {
    this.links = links;
    this.plans = plans;
    this.snapshots = snapshots;
    this.writer = writer;
    this.policy = policy;
    this.fetchNow = fetchNow;
  }

  @Override
  public Optional<Preview> preview(String sha) {
    return writer.previewRevert(sha).map(p -> new Preview(p.sha(), p.subject(), p.diff()));
  }

  @Override
  public IntentOutcome revert(Caller caller, String sha) {
    Optional<CommitOutcome.Accepted> inForce = snapshots.lastGood();
    Optional<GitWriter.RevertPreview> preview = writer.previewRevert(sha);
    if (inForce.isEmpty() || preview.isEmpty()) {
      return new IntentOutcome.Problem(
          "Commit " + sha.substring(0, 12) + " is unknown or cannot be reverted alone.");
    }
    DesiredState state = inForce.get().state();
    String message =
        "Revert \""
            + preview.get().subject()
            + "\"\n\nThis reverts commit "
            + sha
            + ", asked for in the web UI by "
            + caller.userId()
            + ".";
    ChangeCheck check =
        new ChangeCheck(state, new HashSet<>(preview.get().files()), caller, policy.policy());
    GitWriter.Outcome outcome =
        writer.revert(sha, message, GuestIntents.author(state, caller), check);
    return WriteOutcomes.of(
        outcome,
        check,
        "Reverted " + sha.substring(0, 12) + ": " + preview.get().subject(),
        fetchNow,
        links,
        plans);
  }
}
