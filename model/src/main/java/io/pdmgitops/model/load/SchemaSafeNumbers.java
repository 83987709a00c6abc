package io.pdmgitops.model.load;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A document as the schema library can check it. networknt compares an integer field's minimum and
 * maximum as a long and throws on a decimal beyond that range ({@code vmid: 1e19}). Every bound in
 * our schemas fits a long, so a whole number just past the range gets the same verdict in the
 * decimal's place; problems still show the value as written, since they read it from the document.
 */
final class SchemaSafeNumbers {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigInteger ABOVE_LONG =
      BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE);
  private static final BigInteger BELOW_LONG =
      BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE);

  private SchemaSafeNumbers() {}

  /** The node itself when nothing needs a stand-in, which is almost always; else a changed copy. */
  static JsonNode of(JsonNode node) {
    if (isDecimalBeyondLong(node)) {
      boolean positive =
          node.isBigDecimal() ? node.decimalValue().signum() > 0 : node.doubleValue() > 0;
      return JSON.numberNode(positive ? ABOVE_LONG : BELOW_LONG);
    }
    if (node.isObject()) {
      ObjectNode copy = null;
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        JsonNode safe = of(e.getValue());
        if (safe != e.getValue()) {
          copy = copy != null ? copy : ((ObjectNode) node).deepCopy();
          copy.set(e.getKey(), safe);
        }
      }
      return copy != null ? copy : node;
    }
    if (node.isArray()) {
      ArrayNode copy = null;
      for (int i = 0; i < node.size(); i++) {
        JsonNode safe = of(node.get(i));
        if (safe != node.get(i)) {
          copy = copy != null ? copy : ((ArrayNode) node).deepCopy();
          copy.set(i, safe);
        }
      }
      return copy != null ? copy : node;
    }
    return node;
  }

  /** Infinity and NaN are left alone: the library reports them as a wrong type. */
  private static boolean isDecimalBeyondLong(JsonNode node) {
    if (!node.isFloatingPointNumber()) {
      return false;
    }
    if (node.isBigDecimal()) {
      BigDecimal value = node.decimalValue();
      return value.compareTo(LONG_MAX) > 0 || value.compareTo(LONG_MIN) < 0;
    }
    double value = node.doubleValue();
    return Double.isFinite(value) && (value >= 0x1p63 || value < -0x1p63);
  }
}
