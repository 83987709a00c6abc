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

  @Override
  public String toString() {
    return kind.kindName() + "/" + identity;
  }
}
