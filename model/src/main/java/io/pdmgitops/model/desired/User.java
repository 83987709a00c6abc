package io.pdmgitops.model.desired;

import java.util.Objects;
import java.util.Optional;

/** A person who may log in; the user id is {@code metadata.name@spec.realm}. */
public record User(ObjectMeta metadata, Spec spec) implements DesiredObject {
  public User {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(spec, "spec");
  }

  @Override
  public Kind kind() {
    return Kind.USER;
  }

  /** User ids are unique, not bare names: alice@ldap and alice@pdm are two users. */
  @Override
  public String identity() {
    return metadata.name() + "@" + spec.realm();
  }

  /**
   * The user's desired account.
   *
   * @param expire account expiry as written (RFC 3339 date or time); empty means never
   * @param passwordHash argon2id hash ({@code pdm-gitops hash-password}), only for the local realm
   */
  public record Spec(
      String realm,
      Optional<Boolean> enabled,
      Optional<String> expire,
      Optional<String> email,
      Optional<String> firstName,
      Optional<String> lastName,
      Optional<String> comment,
      Optional<String> passwordHash,
      Optional<Tfa> tfa) {
    public Spec {
      Objects.requireNonNull(realm, "realm");
      enabled = enabled == null ? Optional.empty() : enabled;
      expire = expire == null ? Optional.empty() : expire;
      email = email == null ? Optional.empty() : email;
      firstName = firstName == null ? Optional.empty() : firstName;
      lastName = lastName == null ? Optional.empty() : lastName;
      comment = comment == null ? Optional.empty() : comment;
      passwordHash = passwordHash == null ? Optional.empty() : passwordHash;
      tfa = tfa == null ? Optional.empty() : tfa;
    }

    /** Hashes are credentials too: keep them out of logs. */
    @Override
    public String toString() {
      return "User.Spec[realm=" + realm + ", enabled=" + enabled + ", email=" + email + "]";
    }
  }

  /** Second-factor policy. Factors are enrolled in the UI, never kept in Git. */
  public record Tfa(boolean required) {}
}
