package io.pdmgitops.simulator.http;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Builders for response bodies. */
public final class Json {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  public static tools.jackson.databind.JsonNode text(String value) {
    return NODES.stringNode(value);
  }

  /** PVE's Perl side writes booleans as 0 and 1. */
  public static int flag(boolean value) {
    return value ? 1 : 0;
  }
}
