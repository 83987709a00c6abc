package io.pdmgitops.controller.conditions;

import io.pdmgitops.controller.git.CommitOutcome;
import io.pdmgitops.controller.git.GitSourceException;
import java.util.Optional;

/**
 * Turns what the Git poller sees into conditions of one repository: {@link
 * ConditionKind#GIT_FETCH_FAILED} while fetching fails, {@link ConditionKind#COMMIT_REJECTED} from
 * a rejected head until a commit is accepted (the last good commit stays in force meanwhile).
 */
public final class SourceConditions {
  private final Conditions conditions;
  private final String repository;

  public SourceConditions(Conditions conditions, String repository) {
    this.conditions = conditions;
    this.repository = repository;
  }

  /** After each fetch: the failure, or empty when it worked. */
  public void fetched(Optional<GitSourceException> failure) {
    failure.ifPresentOrElse(
        e -> conditions.raise(ConditionKind.GIT_FETCH_FAILED, repository, e.getMessage()),
        () -> conditions.clear(ConditionKind.GIT_FETCH_FAILED, repository));
  }

  /** After each new head: accepted or rejected. */
  public void commit(CommitOutcome outcome) {
    conditions.clear(ConditionKind.COMMIT_REJECTED, repository); // a new rejected head: new since
    if (outcome instanceof CommitOutcome.Rejected rejected) {
      String sha = outcome.commit().sha();
      conditions.raise(
          ConditionKind.COMMIT_REJECTED,
          repository,
          "commit %s has %d problems; the last good commit stays in force"
              .formatted(sha.substring(0, Math.min(12, sha.length())), rejected.problems().size()));
    }
  }
}
