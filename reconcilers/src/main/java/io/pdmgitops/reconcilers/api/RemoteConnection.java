package io.pdmgitops.reconcilers.api;

import java.util.List;
import java.util.Objects;

/** Everything needed to talk to one remote: its endpoints in failover order and its token. */
public record RemoteConnection(
    String name, Product product, List<ApiEndpoint> endpoints, ApiToken token) {
  public RemoteConnection {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(token, "token");
    endpoints = List.copyOf(endpoints);
    if (endpoints.isEmpty()) {
      throw new IllegalArgumentException("a remote needs at least one endpoint");
    }
  }
}
