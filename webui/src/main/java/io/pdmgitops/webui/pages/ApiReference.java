package io.pdmgitops.webui.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document made readable without JavaScript: operations by tag with their parameters
 * and responses, and the schemas with their fields.
 */
record ApiReference(
    String title, String version, Map<String, List<Operation>> byTag, List<Schema> schemas) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  record Operation(
      String method,
      String path,
      String id,
      String summary,
      String description,
      List<Parameter> parameters,
      List<Response> responses) {}

  record Parameter(String name, String in, boolean required, String description) {}

  record Response(String code, String description, String schema) {}

  record Schema(String name, List<Field> fields) {}

  record Field(String name, String type) {}

  static ApiReference parse(byte[] document) {
    JsonNode root = JSON.readTree(document);
    Map<String, List<Operation>> byTag = new TreeMap<>();
    for (var path : root.path("paths").properties()) {
      for (var method : path.getValue().properties()) {
        JsonNode op = method.getValue();
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
          parameters.add(
              new Parameter(
                  p.path("name").asString(),
                  p.path("in").asString(),
                  p.path("required").asBoolean(false),
                  p.path("description").asString("")));
        }
        List<Response> responses = new ArrayList<>();
        for (var r : op.path("responses").properties()) {
          responses.add(
              new Response(
                  r.getKey(),
                  r.getValue().path("description").asString(""),
                  schemaName(r.getValue().path("content"))));
        }
        String tag = op.path("tags").path(0).asString("other");
        byTag
            .computeIfAbsent(tag, k -> new ArrayList<>())
            .add(
                new Operation(
                    method.getKey().toUpperCase(Locale.ROOT),
                    path.getKey(),
                    op.path("operationId").asString(""),
                    op.path("summary").asString(""),
                    op.path("description").asString(""),
                    parameters,
                    responses));
      }
    }
    List<Schema> schemas = new ArrayList<>();
    for (var s : root.path("components").path("schemas").properties()) {
      List<Field> fields = new ArrayList<>();
      for (var f : s.getValue().path("properties").properties()) {
        fields.add(new Field(f.getKey(), type(f.getValue())));
      }
      schemas.add(new Schema(s.getKey(), fields));
    }
    return new ApiReference(
        root.path("info").path("title").asString("API"),
        root.path("info").path("version").asString(""),
        byTag,
        schemas);
  }

  /** The schema a response body refers to, for the link to its fields. */
  private static String schemaName(JsonNode content) {
    for (var media : content.properties()) {
      return type(media.getValue().path("schema"));
    }
    return "";
  }

  private static String type(JsonNode schema) {
    if (schema.has("$ref")) {
      String ref = schema.path("$ref").asString();
      return ref.substring(ref.lastIndexOf('/') + 1);
    }
    if (schema.path("type").asString("").equals("array")) {
      return type(schema.path("items")) + "[]";
    }
    if (schema.has("type")) {
      return schema.path("type").asString();
    }
    return "object";
  }
}
