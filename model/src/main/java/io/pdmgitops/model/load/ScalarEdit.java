package io.pdmgitops.model.load;

import io.pdmgitops.model.SourceLocation;
import io.pdmgitops.model.desired.Kind;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Sets one scalar field of one document in a file's text, touching nothing else: comments, order,
 * quoting and layout of every other line stay as the author wrote them. What one-click intents use
 * to turn a button into a reviewable one-line diff. Rules:
 *
 * <ol>
 *   <li>The document is found by kind and {@code metadata.name}; the field by a pointer one level
 *       below a mapping ({@code /spec/power}).
 *   <li>A field that is there has its value replaced in place (plain, quoted, block or flow style).
 *       A field that is not there is written in front of the mapping's first field, in the same
 *       style and indentation.
 *   <li>The value is written plain when YAML reads it back as the same string, else double-quoted.
 *   <li>{@link #setMapping} writes a small mapping (a guest's placement) as one flow mapping in
 *       place of the field's value, block or flow, and its lines.
 * </ol>
 */
public final class ScalarEdit {
  private ScalarEdit() {}

  /**
   * @throws IllegalArgumentException when the file has no such document or the mapping cannot be
   *     edited in place (empty, or not a mapping)
   */
  public static String set(
      String file, String text, Kind kind, String name, String pointer, String value) {
    YamlDocument document =
        find(file, text, kind, name)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no " + kind.kindName() + "/" + name + " in " + file));
    String parent = NodePositions.parent(pointer);
    JsonNode mapping = document.root().at(parent);
    if (!mapping.isObject() || mapping.isEmpty()) {
      throw new IllegalArgumentException(
          kind.kindName() + "/" + name + ": " + parent + " is not a mapping with fields to edit");
    }
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    String written = scalar(value);
    if (document.root().at(pointer).isValueNode()) {
      SourceLocation at = document.positions().values().get(pointer);
      String line = lines.get(at.line() - 1);
      int start = at.column() - 1;
      int end = endOfScalar(line, start);
      lines.set(at.line() - 1, line.substring(0, start) + written + line.substring(end));
    } else {
      String field = pointer.substring(parent.length() + 1);
      String first = mapping.propertyNames().iterator().next();
      SourceLocation key = document.positions().keys().get(parent + "/" + first);
      String line = lines.get(key.line() - 1);
      int column = key.column() - 1;
      boolean flow = line.substring(0, column).contains("{");
      String insert =
          flow ? field + ": " + written + ", " : field + ": " + written + "\n" + " ".repeat(column);
      lines.set(key.line() - 1, line.substring(0, column) + insert + line.substring(column));
    }
    return String.join("\n", lines);
  }

  /** As {@link #set}, where the document has the field; else the text as it is. */
  public static String setIfPresent(
      String file, String text, Kind kind, String name, String pointer, String value) {
    boolean present =
        find(file, text, kind, name).map(d -> !d.root().at(pointer).isMissingNode()).orElse(false);
    return present ? set(file, text, kind, name, pointer, value) : text;
  }

  /**
   * Sets a field to a small mapping, written as one flow mapping: values are strings, numbers,
   * booleans, or mappings of strings (a placement's storage map).
   *
   * @throws IllegalArgumentException as {@link #set}
   */
  public static String setMapping(
      String file,
      String text,
      Kind kind,
      String name,
      String pointer,
      java.util.Map<String, ?> value) {
    YamlDocument document =
        find(file, text, kind, name)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no " + kind.kindName() + "/" + name + " in " + file));
    String parent = NodePositions.parent(pointer);
    JsonNode mapping = document.root().at(parent);
    if (!mapping.isObject() || mapping.isEmpty()) {
      throw new IllegalArgumentException(
          kind.kindName() + "/" + name + ": " + parent + " is not a mapping with fields to edit");
    }
    String field = pointer.substring(parent.length() + 1);
    String written = flow(value);
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    SourceLocation key = document.positions().keys().get(pointer);
    if (key != null) {
      int index = key.line() - 1;
      String line = lines.get(index);
      int indent = key.column() - 1;
      if (line.substring(0, indent).contains("{")) {
        throw new IllegalArgumentException(
            kind.kindName()
                + "/"
                + name
                + ": "
                + pointer
                + " is inside a flow mapping: edit it in"
                + " Git");
      }
      // The field's own lines: deeper than its key, up to the next field or document.
      int last = index;
      for (int i = index + 1; i < lines.size(); i++) {
        String next = lines.get(i);
        if (next.isBlank()) {
          continue;
        }
        int depth = next.length() - next.stripLeading().length();
        if (depth <= indent || next.startsWith("---") || next.startsWith("...")) {
          break;
        }
        last = i;
      }
      lines.set(index, line.substring(0, indent) + field + ": " + written);
      for (int i = last; i > index; i--) {
        lines.remove(i);
      }
    } else {
      String first = mapping.propertyNames().iterator().next();
      SourceLocation at = document.positions().keys().get(parent + "/" + first);
      String line = lines.get(at.line() - 1);
      int column = at.column() - 1;
      boolean flowParent = line.substring(0, column).contains("{");
      String insert =
          flowParent
              ? field + ": " + written + ", "
              : field + ": " + written + "\n" + " ".repeat(column);
      lines.set(at.line() - 1, line.substring(0, column) + insert + line.substring(column));
    }
    return String.join("\n", lines);
  }

  private static String flow(java.util.Map<String, ?> value) {
    List<String> entries = new ArrayList<>();
    value.forEach(
        (k, v) -> {
          String written;
          if (v instanceof java.util.Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            java.util.Map<String, ?> inner = (java.util.Map<String, ?>) map;
            written = flow(inner);
          } else if (v instanceof Number || v instanceof Boolean) {
            written = String.valueOf(v);
          } else {
            written = scalar(String.valueOf(v));
          }
          entries.add(scalar(k) + ": " + written);
        });
    return "{" + String.join(", ", entries) + "}";
  }

  /** The document of that kind and name in the file's text. */
  private static java.util.Optional<YamlDocument> find(
      String file, String text, Kind kind, String name) {
    return new YamlFileReader(LoaderLimits.defaults())
        .read(file, new StringReader(text)).documents().stream()
            .filter(d -> kind.kindName().equals(d.root().path("kind").asString("")))
            .filter(d -> name.equals(d.root().path("metadata").path("name").asString("")))
            .findFirst();
  }

  /** Where the scalar that starts at {@code start} ends: its closing quote, or the plain text. */
  private static int endOfScalar(String line, int start) {
    char first = start < line.length() ? line.charAt(start) : ' ';
    if (first == '"' || first == '\'') {
      for (int i = start + 1; i < line.length(); i++) {
        char c = line.charAt(i);
        if (first == '"' && c == '\\') {
          i++;
        } else if (c == first) {
          if (first == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
            i++;
          } else {
            return i + 1;
          }
        }
      }
      return line.length();
    }
    int end = start;
    while (end < line.length()) {
      char c = line.charAt(end);
      if (c == ','
          || c == '}'
          || c == ']'
          || (c == '#' && end > start && line.charAt(end - 1) == ' ')) {
        break;
      }
      end++;
    }
    while (end > start && line.charAt(end - 1) == ' ') {
      end--;
    }
    return end;
  }

  private static String scalar(String value) {
    boolean plain =
        value.matches("[A-Za-z][A-Za-z0-9._-]*")
            && !value.matches("(?i)true|false|null|yes|no|on|off|~");
    return plain ? value : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
