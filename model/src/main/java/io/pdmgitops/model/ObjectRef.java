package io.pdmgitops.model;

import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.desired.Kind;
import java.util.Objects;

/** Names one desired object: its kind and its identity ({@code Guest/web-01}). */
public record ObjectRef(Kind kind, String identity) {
  public ObjectRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(identity, "identity");
  }

  public static ObjectRef of(DesiredObject object) {
    return new ObjectRef(object.kind(), object.identity());
  }

  /** The reference {@link #toString()} wrote, e.g. {@code Guest/web-01}. */
  public static ObjectRef parse(String text) {
    int slash = text.indexOf('/');
    Kind kind = slash < 0 ? null : Kind.fromKindName(text.substring(0, slash)).orElse(null);
    if (kind == null) {
      throw new IllegalArgumentException("not a Kind/name reference: " + text);
    }
    return new ObjectRef(kind, text.substring(slash + 1));
  }

  @Override
  public String toString() {
    return kind.kindName() + "/" + identity;
  }
}
