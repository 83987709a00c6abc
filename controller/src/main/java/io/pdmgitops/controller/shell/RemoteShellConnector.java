package io.pdmgitops.controller.shell;

import io.pdmgitops.model.access.RemoteToken;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.reconcilers.api.ProxmoxTransport;
import io.pdmgitops.reconcilers.remote.RemoteClients;
import io.pdmgitops.reconcilers.remote.SecretResolver;
import io.pdmgitops.reconcilers.shell.RemoteTerminal;
import java.util.function.Function;
import reactor.core.publisher.Flux;

/**
 * Opens node shells on the remotes Git declares, with the token the caller's access chose, through
 * the remote's own termproxy ({@link RemoteTerminal}). PVE remotes only, so far: PBS's termproxy
 * refuses API tokens (docs/shell.md).
 */
public final class RemoteShellConnector implements ShellConnector {
  private final Function<String, Remote> declared;
  private final RemoteClients clients;

  /**
   * @param declared the declared remote of a name; throws for none
   */
  public RemoteShellConnector(Function<String, Remote> declared, RemoteClients clients) {
    this.declared = declared;
    this.clients = clients;
  }

  @Override
  public Flux<byte[]> open(String remote, String node, RemoteToken via, Flux<String> input) {
    return Flux.defer(
        () -> {
          Remote r = declared.apply(remote);
          if (r.spec().type() != RemoteType.PVE) {
            return Flux.error(
                new IllegalArgumentException(
                    remote + " is a backup server: its shell refuses API tokens"));
          }
          ProxmoxTransport transport;
          try {
            transport = clients.transport(r, via);
          } catch (SecretResolver.SecretUnavailableException e) {
            return Flux.error(new IllegalStateException(remote + ": " + e.getMessage()));
          }
          return RemoteTerminal.open(transport, node, input);
        });
  }
}
