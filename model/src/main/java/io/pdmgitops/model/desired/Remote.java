package io.pdmgitops.model.desired;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A PVE cluster or PBS instance, reached through its endpoints in failover order. */
public record Remote(ObjectMeta metadata, Spec spec) implements DesiredObject {
  public Remote {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(spec, "spec");
  }

  @Override
  public Kind kind() {
    return Kind.REMOTE;
  }

  /**
   * The remote's desired configuration.
   *
   * @param token the controller's own token, for reconciling
   * @param tokens further tokens by name (e.g. one limited to a pool), for the actions of users in
   *     a {@link RemoteGroup} that chooses one
   * @param pruneUnmanaged kinds (e.g. {@code BackupJob}) whose objects on this remote that no
   *     document declares the controller deletes; by default they are only shown
   */
  public record Spec(
      RemoteType type,
      List<Endpoint> endpoints,
      ApiToken token,
      Optional<String> webUrl,
      List<NamedToken> tokens,
      List<String> pruneUnmanaged) {
    public Spec {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(token, "token");
      endpoints = List.copyOf(endpoints);
      if (endpoints.isEmpty()) {
        throw new IllegalArgumentException("a remote needs at least one endpoint");
      }
      webUrl = webUrl == null ? Optional.empty() : webUrl;
      tokens = tokens == null ? List.of() : List.copyOf(tokens);
      pruneUnmanaged = pruneUnmanaged == null ? List.of() : List.copyOf(pruneUnmanaged);
    }

    public Spec(
        RemoteType type,
        List<Endpoint> endpoints,
        ApiToken token,
        Optional<String> webUrl,
        List<NamedToken> tokens) {
      this(type, endpoints, token, webUrl, tokens, List.of());
    }

    public Spec(
        RemoteType type, List<Endpoint> endpoints, ApiToken token, Optional<String> webUrl) {
      this(type, endpoints, token, webUrl, List.of(), List.of());
    }

    /** The token of that name, if the remote declares one. */
    public Optional<NamedToken> token(String name) {
      return tokens.stream().filter(t -> t.name().equals(name)).findFirst();
    }
  }

  /** A further API token of the remote, chosen by name in remote groups. */
  public record NamedToken(String name, String id, SecretRef secret, Optional<String> comment) {
    public NamedToken {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(secret, "secret");
      comment = comment == null ? Optional.empty() : comment;
    }

    public ApiToken apiToken() {
      return new ApiToken(id, secret);
    }
  }
}
