package io.pdmgitops.model.load;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.pdmgitops.model.desired.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Schemas of all kinds, read once from the model jar ({@code pdm-gitops/schemas/}, built
 * from {@code src-schemas/}) and compiled for validation.
 */
public final class SchemaCatalog {
  /** Where the schemas sit on the class path. */
  public static final String RESOURCE_DIR = "pdm-gitops/schemas/";

  private final Map<Kind, JsonNode> documents = new EnumMap<>(Kind.class);
  private final Map<Kind, Schema> schemas = new EnumMap<>(Kind.class);

  private SchemaCatalog() {
    JsonMapper mapper = JsonMapper.builder().build();
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    for (Kind kind : Kind.values()) {
      try (InputStream in = open(kind)) {
        JsonNode document = mapper.readTree(in);
        documents.put(kind, document);
        schemas.put(kind, registry.getSchema(document));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final class Holder {
    // Compiling seven schemas takes a moment; every loader shares the immutable result.
    private static final SchemaCatalog INSTANCE = new SchemaCatalog();
  }

  public static SchemaCatalog standard() {
    return Holder.INSTANCE;
  }

  /** The raw schema document of a kind, for hints and documentation. */
  public JsonNode document(Kind kind) {
    return documents.get(kind);
  }

  List<Error> validate(Kind kind, JsonNode instance) {
    return schemas.get(kind).validate(instance);
  }

  private static InputStream open(Kind kind) {
    String resource = RESOURCE_DIR + kind.schemaFile();
    InputStream in = SchemaCatalog.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new UncheckedIOException(
          new IOException("schema " + resource + " is missing from the model jar"));
    }
    return in;
  }
}
