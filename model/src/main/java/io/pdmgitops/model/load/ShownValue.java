package io.pdmgitops.model.load;

import tools.jackson.databind.JsonNode;

/**
 * A value as a message shows it. Any node can be shown, so a value of the wrong type never turns a
 * problem into a crash, and long text is cut so that one bad value cannot flood a report.
 */
final class ShownValue {
  /** Longer text is cut; names and values that fit a report are far shorter. */
  static final int MAX_CHARS = 80;

  private ShownValue() {}

  /** Text as it is, numbers and booleans as YAML writes them, and what kind a container is. */
  static String of(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isString()) {
      return cut(node.stringValue());
    }
    if (node.isNumber()) {
      return number(node);
    }
    if (node.isBoolean()) {
      return String.valueOf(node.booleanValue());
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isArray()) {
      return "a list";
    }
    return node.isObject() ? "a mapping" : "a value";
  }

  /** Whether {@link #of} writes the value itself rather than what kind it is. */
  static boolean isScalar(JsonNode node) {
    return node != null && (node.isString() || node.isNumber() || node.isBoolean());
  }

  static String cut(String text) {
    return cut(text, MAX_CHARS);
  }

  static String cut(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    return text.substring(0, maxChars) + "... (" + text.length() + " characters)";
  }

  private static String number(JsonNode node) {
    if (node.isFloatingPointNumber() && !node.isBigDecimal()) {
      double value = node.doubleValue();
      if (Double.isNaN(value)) {
        return ".nan";
      }
      if (Double.isInfinite(value)) {
        return value > 0 ? ".inf" : "-.inf";
      }
    }
    // YamlTreeBuilder bounds the digits of a number, so printing it is cheap.
    return cut(String.valueOf(node.numberValue()));
  }
}
