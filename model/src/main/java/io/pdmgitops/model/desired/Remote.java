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

  /** The remote's desired configuration. */
  public record Spec(
      RemoteType type, List<Endpoint> endpoints, ApiToken token, Optional<String> webUrl) {
    public Spec {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(token, "token");
      endpoints = List.copyOf(endpoints);
      if (endpoints.isEmpty()) {
        throw new IllegalArgumentException("a remote needs at least one endpoint");
      }
      webUrl = webUrl == null ? Optional.empty() : webUrl;
    }
  }
}
