package io.pdmgitops.model.load;

import io.pdmgitops.model.DesiredState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What loading a repository gave: a snapshot when there is no error, and every problem found,
 * errors and warnings, sorted by file and position.
 *
 * @param omittedProblems problems beyond {@link LoaderLimits#maxProblems()}, counted not listed
 */
public record LoadResult(
    Optional<DesiredState> state,
    List<Problem> problems,
    int omittedProblems,
    int files,
    int documents) {
  public LoadResult {
    Objects.requireNonNull(state, "state");
    problems = List.copyOf(problems);
    if (state.isPresent() && problems.stream().anyMatch(Problem::isError)) {
      throw new IllegalArgumentException("a snapshot exists only without errors");
    }
  }

  public boolean isValid() {
    return state.isPresent();
  }

  public long errorCount() {
    return problems.stream().filter(Problem::isError).count() + omittedProblems;
  }

  public long warningCount() {
    return problems.stream().filter(p -> !p.isError()).count();
  }

  /**
   * Whether a file could not be read at all, as opposed to being read and found wrong. Only errors
   * count: a warning never makes a result both valid and unreadable.
   */
  public boolean hasUnreadableFiles() {
    return problems.stream().anyMatch(p -> p.isError() && p.category() == ProblemCategory.IO);
  }
}
