package io.pdmgitops.model.load;

import com.networknt.schema.Error;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.desired.ObjectMeta;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
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
    if (kindNode == null || !kindNode.isString()) {
      problems.add(
          envelope(document, "/kind", "missing 'kind'")
              .withHint("add 'kind:' with one of " + String.join(", ", Kind.kindNames())));
      return failed(problems);
    }
    Optional<Kind> kind = Kind.fromKindName(kindNode.asString());
    if (kind.isEmpty()) {
      problems.add(
          envelope(document, "/kind", "unknown kind '" + kindNode.asString() + "'")
              .withHint(Suggestions.hint(kindNode.asString(), Kind.kindNames(), "known kinds: ")));
      return failed(problems);
    }
    String label = kind.get().kindName() + "/" + name(root).orElse("?");
    SchemaProblemTranslator translator =
        new SchemaProblemTranslator(schemas.document(kind.get()), document);
    for (Error error : schemas.validate(kind.get(), root)) {
      if (!isEnvelopeConst(error)) {
        problems.add(translator.translate(error).withObject(label));
      }
    }
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
    } catch (DatabindException e) {
      // The schema checks shapes; a value of the right shape can still be wrong (2026-13-01).
      String pointer = pointer(e);
      JsonNode value = root.at(pointer);
      return new Outcome(
          Optional.empty(),
          declared,
          List.of(
              Problem.error(
                      ProblemCategory.SCHEMA,
                      document.positions().valueAt(pointer),
                      "'" + value.asString() + "' is not a valid " + FieldPaths.leaf(pointer))
                  .withObject(label)
                  .withField(FieldPaths.dotted(pointer))
                  .withHint("dates and times are RFC 3339, such as 2026-11-20T03:00:00Z")));
    }
  }

  /** The JSON pointer of the value a binding error is about. */
  private static String pointer(DatabindException e) {
    StringBuilder out = new StringBuilder();
    List<JacksonException.Reference> path = e.getPath();
    boolean inMetadata =
        !path.isEmpty()
            && (path.get(0).from() == ObjectMeta.class || path.get(0).from() instanceof ObjectMeta);
    out.append(inMetadata ? "/metadata" : "/spec");
    for (JacksonException.Reference step : path) {
      out.append('/')
          .append(step.getPropertyName() != null ? step.getPropertyName() : step.getIndex());
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
    if (!version.isString() || !version.asString().equals(API_VERSION)) {
      return Optional.of(
          envelope(document, "/apiVersion", "unsupported apiVersion '" + version.asString() + "'")
              .withHint("this controller reads 'apiVersion: " + API_VERSION + "'"));
    }
    return Optional.empty();
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
    return name.isString() ? Optional.of(name.asString()) : Optional.empty();
  }

  private static Optional<String> identity(Kind kind, JsonNode root) {
    if (kind != Kind.USER) {
      return name(root);
    }
    JsonNode realm = root.path("spec").path("realm");
    return realm.isString() ? name(root).map(n -> n + "@" + realm.asString()) : Optional.empty();
  }

  private static Outcome failed(Problem problem) {
    return new Outcome(Optional.empty(), Optional.empty(), List.of(problem));
  }

  private static Outcome failed(Set<Problem> problems) {
    return new Outcome(Optional.empty(), Optional.empty(), new ArrayList<>(problems));
  }
}
