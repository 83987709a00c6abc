package io.pdmgitops.model.load;

import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.SourceLocation;
import io.pdmgitops.model.desired.DesiredObject;
import java.util.Objects;

/** A bound object together with the document it came from, for precise semantic problems. */
public record LoadedObject(DesiredObject object, SourceLocation location, FieldLocator fields) {
  public LoadedObject {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(fields, "fields");
  }

  /** A freshly parsed document; its tree stays reachable only as long as this object. */
  public static LoadedObject of(DesiredObject object, YamlDocument document) {
    return new LoadedObject(
        object, document.positions().keyAt("/metadata/name"), FieldLocator.of(document));
  }

  public ObjectRef ref() {
    return ObjectRef.of(object);
  }

  /**
   * Where a field of this document is, by JSON pointer ({@code /spec/remote}): the value for a
   * scalar, the key for a mapping or list, which is where a reader looks for the whole of it.
   */
  public SourceLocation locationOf(String pointer) {
    return fields.locate(pointer);
  }

  /** An error about one field of this object. */
  public Problem error(String pointer, String message) {
    String field = FieldPaths.dotted(pointer);
    Problem problem =
        Problem.error(ProblemCategory.SEMANTIC, locationOf(pointer), message)
            .withObject(ref().toString());
    return field.isEmpty() ? problem : problem.withField(field);
  }

  /** A warning about one field of this object. */
  public Problem warning(String pointer, String message) {
    return error(pointer, message).asWarning();
  }
}
