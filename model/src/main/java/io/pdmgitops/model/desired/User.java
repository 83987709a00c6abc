package io.pdmgitops.model.desired;

import java.util.List;
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
   * @param tokens API tokens acting for this user, by name
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
      Optional<Tfa> tfa,
      List<Token> tokens) {
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
      tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }

    /** Hashes are credentials too: keep them out of logs. */
    @Override
    public String toString() {
      return "User.Spec[realm="
          + realm
          + ", enabled="
          + enabled
          + ", email="
          + email
          + ", tokens="
          + tokens
          + "]";
    }
  }

  /** Second-factor policy. Factors are enrolled in the UI, never kept in Git. */
  public record Tfa(boolean required) {}

  /**
   * An API token: a caller for scripts and scrapers, identified as {@code user@realm!name}, with at
   * most its user's roles.
   *
   * @param secretHash {@code sha256:<hex>} of the secret ({@code pdm-gitops new-token}); the secret
   *     itself never enters Git
   * @param expire RFC 3339 date or time after which the token is refused; empty means never
   * @param path when set, the token reaches only this ACL path and what lies below it
   */
  public record Token(
      String name,
      String secretHash,
      Optional<String> expire,
      Optional<String> path,
      Optional<String> comment) {
    public Token {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(secretHash, "secretHash");
      expire = expire == null ? Optional.empty() : expire;
      path = path == null ? Optional.empty() : path;
      comment = comment == null ? Optional.empty() : comment;
    }

    @Override
    public String toString() {
      return "Token[" + name + ", path=" + path + ", expire=" + expire + "]";
    }
  }
}
