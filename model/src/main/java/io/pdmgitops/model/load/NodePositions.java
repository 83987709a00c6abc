package io.pdmgitops.model.load;

import io.pdmgitops.model.SourceLocation;
import java.util.Map;

/**
 * Where each node of one YAML document starts, by JSON pointer. Keys are tracked apart from values
 * so that "unknown field" points at the key and "wrong type" at the value.
 */
public record NodePositions(
    String file, Map<String, SourceLocation> values, Map<String, SourceLocation> keys) {
  public NodePositions {
    values = Map.copyOf(values);
    keys = Map.copyOf(keys);
  }

  /** The value at the pointer, or the nearest ancestor that has a position. */
  public SourceLocation valueAt(String pointer) {
    for (String p = pointer; ; p = parent(p)) {
      SourceLocation at = values.get(p);
      if (at != null) {
        return at;
      }
      if (p.isEmpty()) {
        return SourceLocation.startOf(file);
      }
    }
  }

  /** The key that introduces the pointer's value, falling back to the value's own position. */
  public SourceLocation keyAt(String pointer) {
    SourceLocation at = keys.get(pointer);
    return at != null ? at : valueAt(pointer);
  }

  static String parent(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash <= 0 ? "" : pointer.substring(0, slash);
  }

  /** Appends one reference token, escaped as RFC 6901 requires. */
  static String child(String pointer, String token) {
    return pointer + "/" + token.replace("~", "~0").replace("/", "~1");
  }
}
