package io.pdmgitops.model.desired;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A named set of users. */
public record Group(ObjectMeta metadata, Spec spec) implements DesiredObject {
  public Group {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(spec, "spec");
  }

  @Override
  public Kind kind() {
    return Kind.GROUP;
  }

  /** Members as user ids ({@code name@realm}). */
  public record Spec(List<String> members, Optional<String> comment) {
    public Spec {
      members = List.copyOf(members);
      comment = comment == null ? Optional.empty() : comment;
    }
  }
}
