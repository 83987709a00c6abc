package io.pdmgitops.model.load;

/** Converts between JSON pointers and the dotted paths shown to people. */
final class FieldPaths {
  private FieldPaths() {}

  /** {@code /spec/endpoints/0/url} becomes {@code spec.endpoints[0].url}. */
  static String dotted(String pointer) {
    StringBuilder out = new StringBuilder();
    for (String token : pointer.split("/")) {
      if (token.isEmpty()) {
        continue;
      }
      String name = token.replace("~1", "/").replace("~0", "~");
      if (name.chars().allMatch(Character::isDigit)) {
        out.append('[').append(name).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(name);
      }
    }
    return out.toString();
  }

  /** The last name in a pointer, for messages about one field. */
  static String leaf(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
  }
}
