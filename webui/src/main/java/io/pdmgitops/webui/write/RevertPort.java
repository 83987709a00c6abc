package io.pdmgitops.webui.write;

import io.pdmgitops.model.access.Caller;
import java.util.Optional;

/** Reverting a commit from History: what it would change, and the revert as a new commit. */
public interface RevertPort {
  /**
   * What a revert would change.
   *
   * @param diff the unified diff a revert applies
   */
  record Preview(String sha, String subject, String diff) {}

  /** Empty when the commit is unknown or cannot be reverted alone (a merge). */
  Optional<Preview> preview(String sha);

  IntentOutcome revert(Caller caller, String sha);
}
