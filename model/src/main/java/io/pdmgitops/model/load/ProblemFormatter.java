package io.pdmgitops.model.load;

/** Renders problems like a compiler does, so editors and CI logs can link to them. */
public final class ProblemFormatter {
  private ProblemFormatter() {}

  /**
   * {@code path:line:col: error: Kind/name: field: message}, then the hint indented on its own
   * line.
   *
   * @param prefix prepended to the file name, e.g. the directory the user named
   */
  public static String format(Problem problem, String prefix) {
    StringBuilder out = new StringBuilder();
    out.append(prefix)
        .append(problem.location())
        .append(": ")
        .append(problem.severity().label())
        .append(": ");
    problem.object().ifPresent(o -> out.append(o).append(": "));
    problem.field().ifPresent(f -> out.append(f).append(": "));
    out.append(problem.message());
    problem
        .hint()
        .ifPresent(h -> out.append(System.lineSeparator()).append("    hint: ").append(h));
    return out.toString();
  }
}
