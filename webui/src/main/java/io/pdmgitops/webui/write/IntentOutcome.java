package io.pdmgitops.webui.write;

/** What became of an intent. */
public sealed interface IntentOutcome {
  /**
   * Committed and pushed; the controller acts on it at its next fetch.
   *
   * @param title what was asked for, e.g. {@code Shut down dns-01}
   */
  record Committed(String sha, String title, String message) implements IntentOutcome {}

  /**
   * Review mode: pushed to a new branch for a merge request.
   *
   * @param link where to open the merge request, when the repository's review URL is configured
   */
  record Proposed(String branch, String message, java.util.Optional<String> link)
      implements IntentOutcome {}

  /** Git already says so: nothing to commit. */
  record Unchanged(String message) implements IntentOutcome {}

  /** The caller may not make this change; the reason names the object, role and path. */
  record Refused(String reason) implements IntentOutcome {}

  /** Not committed for another reason (not declared, invalid, a conflict, a failed push). */
  record Problem(String message) implements IntentOutcome {}
}
