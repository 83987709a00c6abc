package io.pdmgitops.model.load;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import io.pdmgitops.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Turns a JSON Schema validation error into a problem a person can act on: the field's position, a
 * message in our words, and a hint drawn from the schema (the field's description, the allowed
 * names, the closest valid value). Values are echoed only where they cannot be secrets.
 */
final class SchemaProblemTranslator {
  private final JsonNode schema;
  private final YamlDocument document;

  SchemaProblemTranslator(JsonNode schema, YamlDocument document) {
    this.schema = schema;
    this.document = document;
  }

  Problem translate(Error error) {
    String pointer = pointer(error.getInstanceLocation());
    List<Object> schemaPath = elements(error.getSchemaLocation().getFragment());
    JsonNode owner = navigate(schemaPath.subList(0, Math.max(0, schemaPath.size() - 1)));
    JsonNode value = written(pointer, error.getInstanceNode());
    return switch (error.getKeyword()) {
      case "required" -> missing(pointer, error.getProperty(), schemaPath);
      case "additionalProperties", "unevaluatedProperties", "propertyNames" ->
          notAllowed(pointer, error.getProperty(), schemaPath, value);
      case "type" -> wrongType(pointer, error, value, schemaPath);
      case "enum", "const" -> notOneOf(pointer, value, error.getSchemaNode(), owner);
      case "pattern" -> badFormat(pointer, value, owner);
      case "minProperties", "maxProperties" -> onePropertyExpected(pointer, owner, error);
      case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" ->
          outOfRange(pointer, value, error.getKeyword(), error.getSchemaNode(), owner);
      case "minItems", "maxItems", "minLength", "maxLength" ->
          wrongSize(pointer, error.getKeyword(), error.getSchemaNode(), owner);
      case "uniqueItems" -> repeated(pointer, value);
      default -> at(document.positions().valueAt(pointer), pointer, describe(error));
    };
  }

  /**
   * For an error our wording failed on: the position and field it is about, so that the fault is
   * reported where a reader can see what the library choked on.
   */
  Problem internalError(Error error, RuntimeException fault) {
    String pointer = pointer(error.getInstanceLocation());
    String field = FieldPaths.dotted(pointer);
    Problem problem =
        Problem.internalError(
            ProblemCategory.SCHEMA,
            document.positions().valueAt(pointer),
            "checking " + (field.isEmpty() ? "the document" : field),
            fault);
    return field.isEmpty() ? problem : problem.withField(field);
  }

  /**
   * The value as the document has it: the library may have checked a stand-in ({@link
   * SchemaSafeNumbers}).
   */
  private JsonNode written(String pointer, JsonNode checked) {
    JsonNode value = document.root().at(pointer);
    return value.isMissingNode() ? checked : value;
  }

  private Problem outOfRange(
      String pointer, JsonNode value, String keyword, JsonNode bound, JsonNode owner) {
    String relation =
        switch (keyword) {
          case "minimum" -> "below the minimum of ";
          case "maximum" -> "above the maximum of ";
          case "exclusiveMinimum" -> "not greater than ";
          default -> "not less than ";
        };
    Problem problem =
        at(
            document.positions().valueAt(pointer),
            pointer,
            ShownValue.of(value) + " is " + relation + ShownValue.of(bound));
    return description(owner).map(problem::withHint).orElse(problem);
  }

  private Problem wrongSize(String pointer, String keyword, JsonNode bound, JsonNode owner) {
    boolean one = bound.asInt() == 1;
    String unit =
        keyword.endsWith("Items")
            ? (one ? "entry" : "entries")
            : (one ? "character" : "characters");
    String limit = keyword.startsWith("min") ? "at least " : "at most ";
    Problem problem =
        at(
            document.positions().valueAt(pointer),
            pointer,
            "needs " + limit + ShownValue.of(bound) + " " + unit);
    return description(owner).map(problem::withHint).orElse(problem);
  }

  private Problem repeated(String pointer, JsonNode array) {
    java.util.Set<JsonNode> seen = new java.util.HashSet<>();
    for (int i = 0; array != null && i < array.size(); i++) {
      if (!seen.add(array.get(i))) {
        String item = pointer + "/" + i;
        String shown =
            ShownValue.isScalar(array.get(i))
                ? "'" + ShownValue.of(array.get(i)) + "'"
                : "an entry";
        return at(document.positions().valueAt(item), item, shown + " is listed more than once")
            .withHint("remove the repeated entry");
      }
    }
    return at(document.positions().valueAt(pointer), pointer, "entries must be unique");
  }

  private Problem missing(String pointer, String property, List<Object> schemaPath) {
    if (property == null) {
      return at(document.positions().keyAt(pointer), pointer, "a required field is missing");
    }
    String child = NodePositions.child(pointer, property);
    Problem problem =
        at(document.positions().keyAt(pointer), child, "missing required field '" + property + "'");
    String description = describeProperty(schemaPath, property).orElse("");
    return problem.withHint(
        "add '" + property + ":' here" + (description.isEmpty() ? "" : " (" + description + ")"));
  }

  private Problem notAllowed(
      String pointer, String property, List<Object> schemaPath, JsonNode object) {
    if (property == null) {
      return at(document.positions().keyAt(pointer), pointer, "a field is not allowed here")
          .withHint(Suggestions.hint("", knownProperties(schemaPath), "allowed fields here: "));
    }
    String child = NodePositions.child(pointer, property);
    SourceLocation where = document.positions().keyAt(child);
    List<String> known = knownProperties(schemaPath);
    JsonNode type = object == null ? null : object.get("type");
    String shown = ShownValue.cut(property);
    if (known.contains(property) && type != null && type.isString()) {
      List<String> allowed = enumValues(navigate(schemaPath));
      String typeName = ShownValue.of(type);
      return at(
              where, child, "field '" + shown + "' does not apply when type is '" + typeName + "'")
          .withHint("fields for type '" + typeName + "': " + String.join(", ", allowed));
    }
    return at(where, child, "unknown field '" + shown + "'")
        .withHint(Suggestions.hint(property, known, "allowed fields here: "));
  }

  private Problem wrongType(String pointer, Error error, JsonNode value, List<Object> schemaPath) {
    Object[] args = error.getArguments();
    String found = args != null && args.length > 0 ? String.valueOf(args[0]) : "unknown";
    String expected = args != null && args.length > 1 ? String.valueOf(args[1]) : "unknown";
    if ("unknown".equals(found)) {
      found = ShownValue.of(value); // the library's word for .nan and .inf
    }
    SourceLocation where = document.positions().valueAt(pointer);
    if (schemaPath.contains("secretRef") && !"object".equals(found)) {
      // Never echo the value: it is most likely the secret itself.
      return at(where, pointer, "a plaintext secret must not be stored in Git")
          .withHint(
              "keep the secret outside Git and reference it: '{env: VARIABLE_NAME}' for an"
                  + " environment variable of the controller, or '{file: /path/to/secret}'");
    }
    Problem problem = at(where, pointer, "expected " + article(expected) + ", found " + found);
    if (value != null && value.isString() && looksLike(expected, value.asString())) {
      return problem.withHint("remove the quotes: '" + ShownValue.of(value) + "' is text in YAML");
    }
    if (value != null && value.isString() && "boolean".equals(expected)) {
      return problem.withHint(
          "write true or false: YAML 1.2 reads '" + ShownValue.of(value) + "' as text");
    }
    return problem;
  }

  private Problem notOneOf(String pointer, JsonNode value, JsonNode allowedNode, JsonNode owner) {
    List<String> allowed = new ArrayList<>();
    if (allowedNode != null && allowedNode.isArray()) {
      allowedNode.forEach(v -> allowed.add(ShownValue.of(v)));
    } else if (allowedNode != null) {
      allowed.add(ShownValue.of(allowedNode));
    }
    String shown = ShownValue.of(value);
    String choices = String.join(", ", allowed);
    Problem problem =
        at(
            document.positions().valueAt(pointer),
            pointer,
            ShownValue.isScalar(value)
                ? "'" + shown + "' is not one of: " + choices
                : "expected one of " + choices + ", found " + shown);
    Optional<String> close = Suggestions.closest(shown, allowed);
    if (close.isPresent()) {
      return problem.withHint("did you mean '" + close.get() + "'?");
    }
    return description(owner).map(problem::withHint).orElse(problem);
  }

  private Problem badFormat(String pointer, JsonNode value, JsonNode owner) {
    String shown = ShownValue.isScalar(value) ? ShownValue.of(value) : "";
    // A write-only field (a password hash) may hold the password itself by mistake: never echo it.
    String message =
        owner.path("writeOnly").asBoolean(false)
            ? "the value is not a valid " + fieldNoun(pointer) + " (not shown: it may be a secret)"
            : "'" + shown + "' is not a valid " + fieldNoun(pointer);
    Problem problem = at(document.positions().valueAt(pointer), pointer, message);
    return description(owner).map(problem::withHint).orElse(problem);
  }

  /** "url" for {@code /spec/endpoints/0/url}; "include rule" for {@code /spec/include/0}. */
  private static String fieldNoun(String pointer) {
    String leaf = FieldPaths.leaf(pointer);
    if (leaf.chars().allMatch(Character::isDigit)) {
      return "entry of " + FieldPaths.leaf(NodePositions.parent(pointer));
    }
    return leaf;
  }

  private Problem onePropertyExpected(String pointer, JsonNode owner, Error error) {
    JsonNode min = owner.get("minProperties");
    JsonNode max = owner.get("maxProperties");
    JsonNode properties = owner.get("properties");
    if (min != null && max != null && min.asInt() == 1 && max.asInt() == 1 && properties != null) {
      List<String> names = new ArrayList<>(properties.propertyNames());
      return at(
              document.positions().keyAt(pointer),
              pointer,
              "exactly one of " + String.join(", ", names) + " must be set")
          .withHint(description(owner).orElse("keep one of them"));
    }
    return at(document.positions().keyAt(pointer), pointer, describe(error));
  }

  private Problem at(SourceLocation where, String pointer, String message) {
    Problem problem = Problem.error(ProblemCategory.SCHEMA, where, message);
    String dotted = FieldPaths.dotted(pointer);
    return dotted.isEmpty() ? problem : problem.withField(dotted);
  }

  /** networknt's own wording, minus any echoed value, for the less common keywords. */
  private static String describe(Error error) {
    return error.getMessage();
  }

  private Optional<String> describeProperty(List<Object> schemaPath, String property) {
    for (int end = schemaPath.size(); end >= 0; end--) {
      JsonNode node = navigate(schemaPath.subList(0, end)).path("properties").path(property);
      if (!node.isMissingNode()) {
        return description(node).or(() -> description(resolveRef(node)));
      }
    }
    return Optional.empty();
  }

  private List<String> knownProperties(List<Object> schemaPath) {
    for (int end = schemaPath.size(); end >= 0; end--) {
      JsonNode properties = navigate(schemaPath.subList(0, end)).get("properties");
      if (properties != null && properties.isObject()) {
        return new ArrayList<>(properties.propertyNames());
      }
    }
    return List.of();
  }

  private static List<String> enumValues(JsonNode propertyNames) {
    List<String> values = new ArrayList<>();
    propertyNames.path("enum").forEach(v -> values.add(ShownValue.of(v)));
    return values;
  }

  private static Optional<String> description(JsonNode node) {
    JsonNode description = node == null ? null : node.get("description");
    return description == null ? Optional.empty() : Optional.of(description.asString());
  }

  private JsonNode resolveRef(JsonNode node) {
    JsonNode ref = node.get("$ref");
    if (ref == null || !ref.asString().startsWith("#/")) {
      return null;
    }
    List<Object> path = new ArrayList<>(List.of((Object[]) ref.asString().substring(2).split("/")));
    return navigate(path);
  }

  private JsonNode navigate(List<Object> path) {
    JsonNode node = schema;
    for (Object step : path) {
      node = step instanceof Integer i ? node.path(i) : node.path(String.valueOf(step));
    }
    return node;
  }

  private static String pointer(NodePath path) {
    StringBuilder out = new StringBuilder();
    for (Object element : elements(path)) {
      String token = String.valueOf(element);
      out.append(NodePositions.child("", token));
    }
    return out.toString();
  }

  private static List<Object> elements(NodePath path) {
    List<Object> out = new ArrayList<>();
    if (path == null) {
      return out;
    }
    for (int i = 0; i < path.getNameCount(); i++) {
      out.add(path.getElement(i));
    }
    return out;
  }

  private static boolean looksLike(String expected, String text) {
    return switch (expected) {
      case "integer" -> Yaml12Resolver.INT.matcher(text).matches();
      case "number" -> Yaml12Resolver.FLOAT.matcher(text).matches();
      case "boolean" -> Yaml12Resolver.BOOL.matcher(text).matches();
      default -> false;
    };
  }

  private static String article(String type) {
    return switch (type) {
      case "integer", "object", "array" -> "an " + type;
      default -> "a " + type;
    };
  }
}
