package io.pdmgitops.model.desired;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named set of users: those it lists, and those a directory or OpenID Connect realm says belong
 * to one of its {@code realmGroups} when they log in.
 */
public record Group(ObjectMeta metadata, Spec spec) implements DesiredObject {
  public Group {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(spec, "spec");
  }

  @Override
  public Kind kind() {
    return Kind.GROUP;
  }

  /**
   * @param members user ids ({@code name@realm}) declared in Git
   * @param realmGroups groups of a realm whose members are members here, as the realm reports them
   *     at each login
   */
  public record Spec(List<String> members, List<RealmGroup> realmGroups, Optional<String> comment) {
    public Spec {
      members = members == null ? List.of() : List.copyOf(members);
      realmGroups = realmGroups == null ? List.of() : List.copyOf(realmGroups);
      comment = comment == null ? Optional.empty() : comment;
    }
  }

  /**
   * A group as a realm names it: an LDAP group's DN or name attribute, an Active Directory group,
   * or a value of an OpenID Connect provider's groups claim.
   */
  public record RealmGroup(String realm, String name) {
    public RealmGroup {
      Objects.requireNonNull(realm, "realm");
      Objects.requireNonNull(name, "name");
    }
  }
}
