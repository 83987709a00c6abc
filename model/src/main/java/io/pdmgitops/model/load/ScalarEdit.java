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
    YamlFileReader.FileContent content =
        new YamlFileReader(LoaderLimits.defaults()).read(file, new StringReader(text));
    YamlDocument document =
        content.documents().stream()
            .filter(d -> kind.kindName().equals(d.root().path("kind").asString("")))
            .filter(d -> name.equals(d.root().path("metadata").path("name").asString("")))
            .findFirst()
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
