package io.pdmgitops.model.desired;

import java.util.Objects;
import java.util.Optional;

/** A role granted to one user or group on a path, propagating downwards unless told not to. */
public record AccessRule(ObjectMeta metadata, Spec spec) implements DesiredObject {
  public AccessRule {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(spec, "spec");
  }

  @Override
  public Kind kind() {
    return Kind.ACCESS_RULE;
  }

  /** Subject, role and path of the rule. */
  public record Spec(Subject subject, Role role, String path, Optional<Boolean> propagate) {
    public Spec {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(path, "path");
      propagate = propagate == null ? Optional.empty() : propagate;
    }

    public boolean propagates() {
      return propagate.orElse(true);
    }
  }

  /** Exactly one of a user id or a group name. */
  public record Subject(Optional<String> user, Optional<String> group) {
    public Subject {
      user = user == null ? Optional.empty() : user;
      group = group == null ? Optional.empty() : group;
      if (user.isPresent() == group.isPresent()) {
        throw new IllegalArgumentException("exactly one of user and group must be set");
      }
    }
  }
}
