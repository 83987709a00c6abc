package io.pdmgitops.model.load;

import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.desired.ObjectMeta;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Binds a schema-valid document to its record. Runs only after the schema said yes. */
final class ObjectBinder {
  // Jackson 3 refuses absent primitives by default; an absent boolean means false here, and the
  // schema has already refused explicit nulls and wrong types.
  private static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

  private ObjectBinder() {}

  static DesiredObject bind(Kind kind, JsonNode document) {
    ObjectMeta meta = MAPPER.treeToValue(document.get("metadata"), ObjectMeta.class);
    JsonNode spec = document.get("spec");
    return kind.create(meta, MAPPER.treeToValue(spec, kind.specType()));
  }
}
