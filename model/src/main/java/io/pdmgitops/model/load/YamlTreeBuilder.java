package io.pdmgitops.model.load;

import io.pdmgitops.model.SourceLocation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one composed SnakeYAML document into a Jackson tree while recording where each node starts.
 * Aliases are expanded here, so this is where alias bombs are stopped: the node count is bounded,
 * and a node that contains itself is refused.
 */
final class YamlTreeBuilder {
  static final String UNSUPPORTED_TAG_HINT =
      "desired state uses plain strings, numbers, booleans, lists and mappings: remove the tag"
          + " or quote the value";

  /**
   * Longest number read. SnakeYAML resolves only scalars of up to 1,024 characters as numbers, but
   * an explicit {@code !!int} has no bound, and parsing a number costs the square of its digits (a
   * million take seconds). No field of desired state needs more than a few.
   */
  static final int MAX_NUMBER_CHARS = 100;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final String file;
  private final LoaderLimits limits;
  private final Map<String, SourceLocation> values = new HashMap<>();
  private final Map<String, SourceLocation> keys = new HashMap<>();
  private final Set<Node> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
  private int nodeCount;

  YamlTreeBuilder(String file, LoaderLimits limits) {
    this.file = file;
    this.limits = limits;
  }

  YamlDocument build(int index, Node root) {
    JsonNode tree = build(root, "", 0);
    return new YamlDocument(index, tree, new NodePositions(file, values, keys));
  }

  private JsonNode build(Node node, String pointer, int depth) {
    if (++nodeCount > limits.maxNodesPerDocument()) {
      throw fail(
          node,
          ProblemCategory.LIMIT,
          "document expands to more than " + limits.maxNodesPerDocument() + " nodes",
          "aliases (*name) that repeat large anchors multiply the document; split it or repeat"
              + " less");
    }
    if (depth > limits.maxNestingDepth()) {
      throw fail(
          node,
          ProblemCategory.LIMIT,
          "nesting deeper than " + limits.maxNestingDepth() + " levels",
          "desired-state documents are shallow; check the indentation");
    }
    values.putIfAbsent(pointer, at(node.getStartMark()));
    if (node instanceof ScalarNode scalar) {
      return scalar(scalar);
    }
    if (!onPath.add(node)) {
      throw fail(
          node,
          ProblemCategory.SYNTAX,
          "an alias refers to a node that contains it",
          "recursive structures cannot be desired state; remove the self-reference");
    }
    try {
      if (node instanceof SequenceNode sequence) {
        ArrayNode array = JSON.arrayNode();
        List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
          array.add(build(items.get(i), pointer + "/" + i, depth + 1));
        }
        return array;
      }
      return mapping((MappingNode) node, pointer, depth);
    } finally {
      onPath.remove(node);
    }
  }

  private ObjectNode mapping(MappingNode node, String pointer, int depth) {
    ObjectNode object = JSON.objectNode();
    Map<String, SourceLocation> seen = new HashMap<>();
    List<Node> merged = new ArrayList<>();
    for (NodeTuple tuple : node.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        throw fail(
            tuple.getKeyNode(),
            ProblemCategory.SYNTAX,
            "mapping keys must be plain text",
            "write the key as a simple word such as 'name:'");
      }
      if (Tag.MERGE.equals(key.getTag())) {
        collectMerge(tuple.getValueNode(), merged);
        continue;
      }
      String name = key.getValue();
      SourceLocation first = seen.putIfAbsent(name, at(key.getStartMark()));
      if (first != null) {
        throw fail(
            key,
            ProblemCategory.SYNTAX,
            "duplicate key '" + name + "' (first at line " + first.line() + ")",
            "remove one of them: YAML would silently keep only the last");
      }
      String childPointer = NodePositions.child(pointer, name);
      keys.putIfAbsent(childPointer, at(key.getStartMark()));
      object.set(name, build(tuple.getValueNode(), childPointer, depth + 1));
    }
    // YAML merge keys: explicit keys win, then earlier merged mappings win over later ones.
    for (Node source : merged) {
      ObjectNode defaults = (ObjectNode) build(source, pointer, depth);
      defaults.properties().forEach(e -> object.putIfAbsent(e.getKey(), e.getValue()));
    }
    return object;
  }

  private void collectMerge(Node value, List<Node> merged) {
    if (value instanceof MappingNode) {
      merged.add(value);
      return;
    }
    if (value instanceof SequenceNode sequence
        && sequence.getValue().stream().allMatch(MappingNode.class::isInstance)) {
      merged.addAll(sequence.getValue());
      return;
    }
    throw fail(
        value,
        ProblemCategory.SYNTAX,
        "a merge key '<<' needs a mapping or a list of mappings",
        "write '<<: *anchor' where the anchor names a mapping");
  }

  private JsonNode scalar(ScalarNode node) {
    Tag tag = node.getTag();
    String text = node.getValue();
    if (Tag.STR.equals(tag) || Tag.MERGE.equals(tag)) {
      return JSON.stringNode(text);
    }
    if (Tag.NULL.equals(tag)) {
      return JSON.nullNode();
    }
    if (Tag.BOOL.equals(tag) && Yaml12Resolver.BOOL.matcher(text).matches()) {
      return JSON.booleanNode(text.charAt(0) == 't' || text.charAt(0) == 'T');
    }
    boolean isInt = Tag.INT.equals(tag) && Yaml12Resolver.INT.matcher(text).matches();
    boolean isFloat = Tag.FLOAT.equals(tag) && Yaml12Resolver.FLOAT.matcher(text).matches();
    if ((isInt || isFloat) && text.length() > MAX_NUMBER_CHARS) {
      throw fail(
          node,
          ProblemCategory.LIMIT,
          "a number of " + text.length() + " characters, more than " + MAX_NUMBER_CHARS,
          "desired state needs no long numbers; quote the value if it is meant as text");
    }
    if (isInt) {
      return integer(text);
    }
    if (isFloat) {
      return decimal(text);
    }
    String tagName = ShownValue.cut(tag.getValue().replace(Tag.PREFIX, "!!"));
    if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag) || Tag.BOOL.equals(tag)) {
      throw fail(
          node,
          ProblemCategory.SYNTAX,
          "'" + ShownValue.cut(text) + "' is not a valid " + tagName,
          "write the value without the tag: YAML reads numbers and true/false by themselves");
    }
    throw fail(
        node, ProblemCategory.SYNTAX, "unsupported YAML tag " + tagName, UNSUPPORTED_TAG_HINT);
  }

  private static JsonNode integer(String text) {
    BigInteger value;
    if (text.startsWith("0o")) {
      value = new BigInteger(text.substring(2), 8);
    } else if (text.startsWith("0x")) {
      value = new BigInteger(text.substring(2), 16);
    } else {
      value = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
    }
    if (value.bitLength() < 32) {
      return JSON.numberNode(value.intValue());
    }
    return value.bitLength() < 64 ? JSON.numberNode(value.longValue()) : JSON.numberNode(value);
  }

  private static JsonNode decimal(String text) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".inf")) {
      return JSON.numberNode(
          lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
    if (lower.equals(".nan")) {
      return JSON.numberNode(Double.NaN);
    }
    try {
      return JSON.numberNode(new BigDecimal(text));
    } catch (NumberFormatException e) {
      // An exponent beyond BigDecimal's int range (1e9999999999) is as good as infinite, or zero.
      return JSON.numberNode(Double.parseDouble(text));
    }
  }

  private SourceLocation at(Mark mark) {
    return new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private YamlProblem fail(Node node, ProblemCategory category, String message, String hint) {
    return new YamlProblem(
        Problem.error(category, at(node.getStartMark()), message).withHint(hint));
  }
}
