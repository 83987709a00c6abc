package io.pdmgitops.model.desired;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Remotes grouped for access (the design notes' remote groups): a role on {@code /groups/{name}}
 * decides what a user may ask of the members, and each member names which of its remote's tokens
 * carries those requests, so the remote itself limits them too. The controller's own reconciling
 * always uses a remote's default token.
 */
public record RemoteGroup(ObjectMeta metadata, Spec spec) implements DesiredObject {
  public RemoteGroup {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(spec, "spec");
  }

  @Override
  public Kind kind() {
    return Kind.REMOTE_GROUP;
  }

  public record Spec(List<Member> members, Optional<String> comment) {
    public Spec {
      members = members == null ? List.of() : List.copyOf(members);
      comment = comment == null ? Optional.empty() : comment;
    }

    /** The member entry for a remote, if it is in the group. */
    public Optional<Member> member(String remote) {
      return members.stream().filter(m -> m.remote().equals(remote)).findFirst();
    }
  }

  /**
   * @param token a name from the remote's {@code tokens}; empty means its default token
   */
  public record Member(String remote, Optional<String> token) {
    public Member {
      Objects.requireNonNull(remote, "remote");
      token = token == null ? Optional.empty() : token;
    }
  }
}
