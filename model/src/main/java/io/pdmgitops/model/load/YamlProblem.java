package io.pdmgitops.model.load;

/**
 * Stops the reading of one file at the first structural fault. It never leaves the load package:
 * the reader turns it into a {@link Problem}.
 */
final class YamlProblem extends RuntimeException {
  private final transient Problem problem;

  YamlProblem(Problem problem) {
    super(problem.message(), null, false, false);
    this.problem = problem;
  }

  Problem problem() {
    return problem;
  }
}
