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
 * the remote's own termproxy ({@link RemoteTerminal}): {@code /nodes/{node}} on PVE, {@code
 * /nodes/localhost} on a backup server, as PDM does. A release that refuses API tokens on its
 * console (PVE before 9.0.13, Proxmox Backup Server as far as its sources show) is named in the
 * refusal with what to do instead (docs/shell.md).
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
          boolean backupServer = r.spec().type() == RemoteType.PBS;
          ProxmoxTransport transport;
          try {
            transport = clients.transport(r, via);
          } catch (SecretResolver.SecretUnavailableException e) {
            return Flux.error(new IllegalStateException(remote + ": " + e.getMessage()));
          }
          return RemoteTerminal.open(transport, backupServer ? "localhost" : node, input)
              .onErrorMap(e -> explained(remote, backupServer, e));
        });
  }

  /** The remote's own refusal, with what to do when it is its release that refuses tokens. */
  private static Throwable explained(String remote, boolean backupServer, Throwable e) {
    String said = String.valueOf(e.getMessage());
    if (backupServer && said.contains("API tokens cannot access")) {
      return new IllegalStateException(
          said
              + " (Proxmox Backup Server opens its console to its pam users only: use its own"
              + " web interface for a shell)",
          e);
    }
    if (!backupServer && said.contains("does not look like a valid user name")) {
      return new IllegalStateException(
          said
              + " (PVE takes API tokens on its console from 9.0.13 on: upgrade "
              + remote
              + ", or use its own web interface for a shell)",
          e);
    }
    return e;
  }
}
