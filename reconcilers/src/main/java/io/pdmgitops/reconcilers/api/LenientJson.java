package io.pdmgitops.reconcilers.api;

import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads what real servers send: booleans as 0/1, "1", true or "true"; numbers as strings; unknown
 * fields ignored; missing fields absent (records use Optional), never zero.
 */
public final class LenientJson {
  public static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .addModule(
              new SimpleModule("lenient-booleans")
                  .addDeserializer(Boolean.class, new LenientBoolean())
                  .addDeserializer(boolean.class, new LenientBoolean()))
          .build();

  private LenientJson() {}

  public static <T> T read(JsonNode node, Class<T> type) {
    return MAPPER.treeToValue(node, type);
  }

  /** A list of records; anything but an array reads as empty. */
  public static <T> List<T> readList(JsonNode node, Class<T> type) {
    if (node == null || !node.isArray()) {
      return List.of();
    }
    return MAPPER.convertValue(
        node, MAPPER.getTypeFactory().constructCollectionType(List.class, type));
  }

  /** 0/1 from Perl, "1" from some fields, true/false from Rust and PBS. */
  static final class LenientBoolean extends ValueDeserializer<Boolean> {
    @Override
    public Boolean deserialize(JsonParser p, DeserializationContext ctxt) {
      JsonToken token = p.currentToken();
      return switch (token) {
        case VALUE_TRUE -> true;
        case VALUE_FALSE -> false;
        case VALUE_NUMBER_INT -> p.getLongValue() != 0;
        case VALUE_NUMBER_FLOAT -> p.getDoubleValue() != 0;
        case VALUE_STRING -> {
          String text = p.getString().trim();
          yield text.equals("1") || text.equalsIgnoreCase("true") || text.equalsIgnoreCase("yes");
        }
        default -> (Boolean) ctxt.handleUnexpectedToken(Boolean.class, p);
      };
    }
  }
}
