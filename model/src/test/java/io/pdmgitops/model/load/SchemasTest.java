package io.pdmgitops.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.pdmgitops.model.desired.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The schemas in src-schemas/ are themselves valid 2020-12 schemas, consistent and documented. */
class SchemasTest {
  static final Path SOURCE = Path.of("../src-schemas");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static Schema metaSchema;

  @BeforeAll
  static void loadMetaSchema() {
    metaSchema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void schemaIsValidAgainstTheMetaSchema(Kind kind) throws IOException {
    JsonNode schema = read(kind);

    assertThat(metaSchema.validate(schema)).isEmpty();
    assertThat(schema.get("$schema").asString())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  @Test
  void theMetaSchemaCheckCatchesABrokenSchema() {
    JsonNode broken = JSON.readTree("{\"type\": 5, \"properties\": {\"a\": {\"minimum\": \"x\"}}}");

    assertThat(metaSchema.validate(broken)).isNotEmpty();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void schemaNamesItsKindAndFile(Kind kind) throws IOException {
    JsonNode schema = read(kind);

    assertThat(schema.get("title").asString()).isEqualTo(kind.kindName());
    assertThat(schema.at("/properties/kind/const").asString()).isEqualTo(kind.kindName());
    assertThat(schema.get("$id").asString()).endsWith("/" + kind.schemaFile());
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void theJarCarriesExactlyTheSourceSchema(Kind kind) throws IOException {
    assertThat(SchemaCatalog.standard().document(kind)).isEqualTo(read(kind));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void everyFieldHasADescription(Kind kind) throws IOException {
    List<String> undocumented = new ArrayList<>();
    collectUndocumented(read(kind), "", undocumented);

    assertThat(undocumented).isEmpty();
  }

  /** Editors need each schema standalone, so shared definitions are copied; they must not drift. */
  @Test
  void sharedDefinitionsAreIdenticalInEverySchema() throws IOException {
    for (String shared : List.of("stringMap", "secretRef")) {
      List<JsonNode> copies =
          Stream.of(Kind.values())
              .map(SchemasTest::readUnchecked)
              .map(s -> s.at("/$defs/" + shared))
              .filter(n -> !n.isMissingNode())
              .toList();
      assertThat(copies).as(shared).isNotEmpty();
      assertThat(copies).as(shared).allMatch(copies.get(0)::equals);
    }
    List<JsonNode> metadataWithoutName =
        Stream.of(Kind.values())
            .map(SchemasTest::readUnchecked)
            .map(
                s ->
                    ((tools.jackson.databind.node.ObjectNode) s.at("/$defs/metadata/properties"))
                        .deepCopy())
            .peek(p -> p.remove("name"))
            .map(JsonNode.class::cast)
            .toList();
    assertThat(metadataWithoutName).allMatch(metadataWithoutName.get(0)::equals);
  }

  private static void collectUndocumented(JsonNode schema, String path, List<String> out) {
    JsonNode properties = schema.get("properties");
    if (properties != null) {
      for (Map.Entry<String, JsonNode> field : properties.properties()) {
        JsonNode def = field.getValue();
        boolean described = def.has("description") || def.has("$ref");
        if (!described) {
          out.add(path + "/" + field.getKey());
        }
        collectUndocumented(def, path + "/" + field.getKey(), out);
      }
    }
    for (String nested : List.of("items", "$defs", "additionalProperties")) {
      JsonNode child = schema.get(nested);
      if (child == null || !child.isObject()) {
        continue;
      }
      if (nested.equals("$defs")) {
        child.properties().forEach(d -> collectUndocumented(d.getValue(), "#" + d.getKey(), out));
      } else {
        collectUndocumented(child, path + "[]", out);
      }
    }
  }

  static JsonNode read(Kind kind) throws IOException {
    return JSON.readTree(Files.readString(SOURCE.resolve(kind.schemaFile())));
  }

  private static JsonNode readUnchecked(Kind kind) {
    try {
      return read(kind);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
