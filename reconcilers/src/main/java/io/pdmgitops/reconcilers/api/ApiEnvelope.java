package io.pdmgitops.reconcilers.api;

import java.util.List;
import java.util.OptionalLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

/**
 * A success response, kept as the bytes received: typed reads go straight from bytes to records
 * without an intermediate tree, which matters for a 5,000-guest {@code /cluster/resources}.
 */
public final class ApiEnvelope {
  private final String remote;
  private final byte[] body;
  private JsonNode tree;

  ApiEnvelope(String remote, byte[] body) {
    this.remote = remote;
    this.body = body;
  }

  /** Bytes received, for metrics. */
  public int size() {
    return body.length;
  }

  /** The {@code data} member as a tree, for scalars and small answers. */
  public JsonNode data() {
    return tree().path("data");
  }

  /** The {@code total} member of paged lists. */
  public OptionalLong total() {
    JsonNode total = tree().get("total");
    return total != null && total.canConvertToLong()
        ? OptionalLong.of(total.asLong())
        : OptionalLong.empty();
  }

  /** {@code data} as one record. */
  public <T> T one(Class<T> type) {
    return type.cast(read(LenientJson.MAPPER.getTypeFactory().constructType(type)).data());
  }

  /** {@code data} as a list of records; a missing or null {@code data} is an empty list. */
  public <T> List<T> list(Class<T> type) {
    JavaType listType =
        LenientJson.MAPPER.getTypeFactory().constructCollectionType(List.class, type);
    @SuppressWarnings("unchecked") // the JavaType says List<T>
    List<T> list = (List<T>) read(listType).data();
    return list == null ? List.of() : list;
  }

  private Envelope<?> read(JavaType dataType) {
    JavaType envelope =
        LenientJson.MAPPER.getTypeFactory().constructParametricType(Envelope.class, dataType);
    try {
      return LenientJson.MAPPER.readerFor(envelope).readValue(body);
    } catch (JacksonException e) {
      throw new ServerErrorException(
          remote, java.util.OptionalInt.of(200), "unreadable answer: " + e.getOriginalMessage());
    }
  }

  private JsonNode tree() {
    if (tree == null) {
      try {
        tree = LenientJson.MAPPER.readTree(body);
      } catch (JacksonException e) {
        throw new ServerErrorException(
            remote,
            java.util.OptionalInt.of(200),
            "the answer is not JSON: " + e.getOriginalMessage());
      }
    }
    return tree;
  }

  /** The success envelope with a typed {@code data}. */
  record Envelope<T>(T data) {}
}
