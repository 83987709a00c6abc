package io.pdmgitops.model.load;

import com.networknt.schema.Error;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.SourceLocation;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.desired.ObjectMeta;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads one document as an object of its kind: envelope first (apiVersion, kind) so a wrong kind
 * gets one clear message instead of a schema's worth, then the kind's schema, then binding.
 */
final class DocumentReader {
  static final String API_VERSION = "pdm-gitops/v1";

  private final SchemaCatalog schemas;

  DocumentReader(SchemaCatalog schemas) {
    this.schemas = schemas;
  }

  /** The outcome for one document. */
  record Outcome(
      Optional<LoadedObject> object, Optional<ObjectRef> invalid, List<Problem> problems) {
    static Outcome skipped() {
      return new Outcome(Optional.empty(), Optional.empty(), List.of());
    }
  }

  Outcome read(YamlDocument document) {
    JsonNode root = document.root();
    if (root.isNull()) {
      return Outcome.skipped(); // an empty document, such as a trailing '---'
    }
    if (!root.isObject()) {
      return failed(
          Problem.error(
                  ProblemCategory.SCHEMA,
                  document.start(),
                  "a document must be a mapping with apiVersion, kind, metadata and spec")
              .withHint("start the document with 'apiVersion: " + API_VERSION + "'"));
    }
    Set<Problem> problems = new LinkedHashSet<>();
    apiVersion(document).ifPresent(problems::add);
    JsonNode kindNode = root.get("kind");
    if (kindNode == null) {
      problems.add(
          envelope(document, "/kind", "missing 'kind'")
              .withHint("add 'kind:' with one of " + String.join(", ", Kind.kindNames())));
      return failed(problems);
    }
    Optional<Kind> kind =
        kindNode.isString() ? Kind.fromKindName(kindNode.stringValue()) : Optional.empty();
    if (kind.isEmpty()) {
      String text = kindNode.isString() ? kindNode.stringValue() : "";
      problems.add(
          envelope(document, "/kind", wrongEnvelope("kind", "unknown kind", kindNode))
              .withHint(Suggestions.hint(text, Kind.kindNames(), "known kinds: ")));
      return failed(problems);
    }
    String label = kind.get().kindName() + "/" + name(root).map(ShownValue::cut).orElse("?");
    problems.addAll(schemaProblems(kind.get(), document, label));
    Optional<ObjectRef> declared =
        identity(kind.get(), root).map(id -> new ObjectRef(kind.get(), id));
    if (!problems.isEmpty()) {
      return new Outcome(Optional.empty(), declared, List.copyOf(problems));
    }
    try {
      return new Outcome(
          Optional.of(LoadedObject.of(ObjectBinder.bind(kind.get(), root), document)),
          Optional.empty(),
          List.of());
    } catch (JacksonException e) {
      return new Outcome(
          Optional.empty(), declared, List.of(bindingProblem(document, e).withObject(label)));
    } catch (RuntimeException e) {
      Problem fault =
          Problem.internalError(ProblemCategory.SCHEMA, document.start(), "reading " + label, e);
      return new Outcome(Optional.empty(), declared, List.of(fault.withObject(label)));
    }
  }

  /**
   * The kind's schema errors in our words. A fault of the schema library or of our wording costs
   * one problem at the document or field it was checking, never the other problems of the load.
   */
  private List<Problem> schemaProblems(Kind kind, YamlDocument document, String label) {
    List<Error> errors;
    try {
      errors = schemas.validate(kind, SchemaSafeNumbers.of(document.root()));
    } catch (RuntimeException e) {
      return List.of(
          Problem.internalError(ProblemCategory.SCHEMA, document.start(), "checking " + label, e)
              .withObject(label));
    }
    SchemaProblemTranslator translator =
        new SchemaProblemTranslator(schemas.document(kind), document);
    List<Problem> problems = new ArrayList<>();
    for (Error error : errors) {
      if (isEnvelopeConst(error)) {
        continue;
      }
      Problem problem;
      try {
        problem = translator.translate(error);
      } catch (RuntimeException e) {
        problem = translator.internalError(error, e);
      }
      problems.add(problem.withObject(label));
    }
    return problems;
  }

  /**
   * The schema checks shapes; a value of the right shape can still be wrong (2026-13-01), or too
   * large for the number its field holds ({@code bwlimit: 9223372036854775808}).
   */
  private static Problem bindingProblem(YamlDocument document, JacksonException e) {
    String pointer = pointer(e);
    JsonNode value = document.root().at(pointer);
    String field = FieldPaths.leaf(pointer);
    SourceLocation at = document.positions().valueAt(pointer);
    if (value.isNumber()) {
      return Problem.error(
              ProblemCategory.SCHEMA, at, ShownValue.of(value) + " is out of range for " + field)
          .withField(FieldPaths.dotted(pointer))
          .withHint("write a smaller number");
    }
    String shown = ShownValue.isScalar(value) ? "'" + ShownValue.of(value) + "'" : "this value";
    return Problem.error(ProblemCategory.SCHEMA, at, shown + " is not a valid " + field)
        .withField(FieldPaths.dotted(pointer))
        .withHint("dates and times are RFC 3339, such as 2026-11-20T03:00:00Z");
  }

  /** The JSON pointer of the value a binding error is about. */
  private static String pointer(JacksonException e) {
    StringBuilder out = new StringBuilder();
    List<JacksonException.Reference> path = e.getPath();
    boolean inMetadata =
        !path.isEmpty()
            && (path.get(0).from() == ObjectMeta.class || path.get(0).from() instanceof ObjectMeta);
    out.append(inMetadata ? "/metadata" : "/spec");
    for (JacksonException.Reference step : path) {
      if (step.getPropertyName() != null) {
        out.append('/').append(step.getPropertyName());
      } else if (step.getIndex() >= 0) {
        out.append('/').append(step.getIndex());
      } // else a step into an object without a name: the problem stays at the enclosing value
    }
    return out.toString();
  }

  private static Optional<Problem> apiVersion(YamlDocument document) {
    JsonNode version = document.root().get("apiVersion");
    if (version == null) {
      return Optional.of(
          envelope(document, "/apiVersion", "missing 'apiVersion'")
              .withHint("add 'apiVersion: " + API_VERSION + "' at the top of the document"));
    }
    if (!version.isString() || !version.stringValue().equals(API_VERSION)) {
      return Optional.of(
          envelope(
                  document,
                  "/apiVersion",
                  wrongEnvelope("apiVersion", "unsupported apiVersion", version))
              .withHint("this controller reads 'apiVersion: " + API_VERSION + "'"));
    }
    return Optional.empty();
  }

  /** "unknown kind 'Pod'", or "kind must be text, found a list" for what is not even text. */
  private static String wrongEnvelope(String field, String unknown, JsonNode value) {
    return ShownValue.isScalar(value)
        ? unknown + " '" + ShownValue.of(value) + "'"
        : field + " must be text, found " + ShownValue.of(value);
  }

  private static Problem envelope(YamlDocument document, String pointer, String message) {
    return Problem.error(ProblemCategory.SCHEMA, document.positions().valueAt(pointer), message);
  }

  /** apiVersion and kind are checked above with better words than a const error. */
  private static boolean isEnvelopeConst(Error error) {
    String at = String.valueOf(error.getInstanceLocation());
    return "const".equals(error.getKeyword()) && (at.endsWith("apiVersion") || at.endsWith("kind"));
  }

  private static Optional<String> name(JsonNode root) {
    JsonNode name = root.path("metadata").path("name");
    return name.isString() ? Optional.of(name.stringValue()) : Optional.empty();
  }

  private static Optional<String> identity(Kind kind, JsonNode root) {
    if (kind != Kind.USER) {
      return name(root);
    }
    JsonNode realm = root.path("spec").path("realm");
    return realm.isString() ? name(root).map(n -> n + "@" + realm.stringValue()) : Optional.empty();
  }

  private static Outcome failed(Problem problem) {
    return new Outcome(Optional.empty(), Optional.empty(), List.of(problem));
  }

  private static Outcome failed(Set<Problem> problems) {
    return new Outcome(Optional.empty(), Optional.empty(), new ArrayList<>(problems));
  }
}
