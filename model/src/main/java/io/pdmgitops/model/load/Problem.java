package io.pdmgitops.model.load;

import io.pdmgitops.model.SourceLocation;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with the desired state, located precisely enough for an editor to jump to it.
 *
 * @param object {@code Kind/name} of the document, when known
 * @param field dotted path inside the document ({@code spec.endpoints[0].url}), when known
 * @param hint how to fix it, when we can say
 */
public record Problem(
    Severity severity,
    ProblemCategory category,
    SourceLocation location,
    Optional<String> object,
    Optional<String> field,
    String message,
    Optional<String> hint) {
  public Problem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
    object = object == null ? Optional.empty() : object;
    field = field == null ? Optional.empty() : field;
    hint = hint == null ? Optional.empty() : hint;
  }

  public static Problem error(ProblemCategory category, SourceLocation at, String message) {
    return new Problem(
        Severity.ERROR,
        category,
        at,
        Optional.empty(),
        Optional.empty(),
        message,
        Optional.empty());
  }

  /**
   * A fault of the loader itself (a bug, or a library failing on an odd value), reported where it
   * happened instead of thrown, so that it hides none of the other problems. The exception's class
   * and where it was thrown name the bug for a report.
   *
   * @param activity what the loader was doing, such as "checking spec.vmid"
   */
  public static Problem internalError(
      ProblemCategory category, SourceLocation at, String activity, Throwable fault) {
    StackTraceElement[] trace = fault.getStackTrace();
    String origin =
        trace.length == 0 || trace[0].getFileName() == null
            ? ""
            : " (" + trace[0].getFileName() + ":" + trace[0].getLineNumber() + ")";
    return error(
            category,
            at,
            "internal error while " + activity + ": " + fault.getClass().getSimpleName() + origin)
        .withHint("this is a bug in pdm-gitops: please report it together with this document");
  }

  public Problem withHint(String text) {
    return new Problem(severity, category, location, object, field, message, Optional.of(text));
  }

  public Problem withObject(String kindAndName) {
    return new Problem(
        severity, category, location, Optional.of(kindAndName), field, message, hint);
  }

  public Problem withField(String path) {
    return new Problem(severity, category, location, object, Optional.of(path), message, hint);
  }

  public Problem asWarning() {
    return new Problem(Severity.WARNING, category, location, object, field, message, hint);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
