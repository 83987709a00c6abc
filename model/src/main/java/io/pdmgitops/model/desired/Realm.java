package io.pdmgitops.model.desired;

import java.util.Objects;
import java.util.Set;

/** An authentication domain; its name is the part after '@' in user ids. */
public record Realm(ObjectMeta metadata, RealmSpec spec) implements DesiredObject {
  /** Realms that exist without a document: PDM's local realm and the host's PAM. */
  public static final Set<String> BUILT_IN = Set.of("pdm", "pam");

  public Realm {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(spec, "spec");
  }

  @Override
  public Kind kind() {
    return Kind.REALM;
  }
}
