package io.pdmgitops.reconcilers.remote;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.reconcilers.api.ProxmoxTransport;
import io.pdmgitops.reconcilers.guest.GuestRemotes;
import io.pdmgitops.reconcilers.guest.MigrationTarget;
import io.pdmgitops.reconcilers.pve.PveClient;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/** The remotes of the snapshot in force, as the executor reaches them. */
public final class DeclaredRemotes implements GuestRemotes {
  private static final int PVE_DEFAULT_PORT = 8006;

  private final Supplier<Optional<DesiredState>> state;
  private final RemoteClients clients;

  public DeclaredRemotes(Supplier<Optional<DesiredState>> state, RemoteClients clients) {
    this.state = state;
    this.clients = clients;
  }

  @Override
  public PveClient client(String name) {
    Remote remote = remote(name);
    try {
      return clients.pve(remote);
    } catch (SecretResolver.SecretUnavailableException e) {
      throw new IllegalStateException(name + ": " + e.getMessage());
    }
  }

  /**
   * The declared remote's transport, for a kind's own API calls (the client-factory seam: a kind's
   * reconciler takes a function from remote name to its client, and tests give it a fake).
   */
  public ProxmoxTransport transport(String name) {
    try {
      return clients.transport(remote(name));
    } catch (SecretResolver.SecretUnavailableException e) {
      throw new IllegalStateException(name + ": " + e.getMessage());
    }
  }

  @Override
  public String tokenId(String name) {
    return remote(name).spec().token().id();
  }

  @Override
  public MigrationTarget migrationTarget(String name) {
    Remote remote = remote(name);
    if (remote.spec().type() != RemoteType.PVE) {
      throw new IllegalStateException(name + " is not a PVE remote: guests cannot move there");
    }
    var endpoint = remote.spec().endpoints().get(0);
    URI url = URI.create(endpoint.url());
    try {
      return new MigrationTarget(
          url.getHost(),
          url.getPort() < 0 ? PVE_DEFAULT_PORT : url.getPort(),
          clients.token(remote),
          endpoint
              .fingerprint()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          name
                              + ": its first endpoint has no fingerprint; a cross-cluster move"
                              + " hands the source cluster a pin to check, so set one")));
    } catch (SecretResolver.SecretUnavailableException e) {
      throw new IllegalStateException(name + ": " + e.getMessage());
    }
  }

  private Remote remote(String name) {
    return state
        .get()
        .flatMap(s -> s.remote(name))
        .orElseThrow(() -> new IllegalStateException("no remote '" + name + "' is declared"));
  }
}
