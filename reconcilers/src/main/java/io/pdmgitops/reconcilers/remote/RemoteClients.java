package io.pdmgitops.reconcilers.remote;

import io.pdmgitops.model.access.RemoteToken;
import io.pdmgitops.model.desired.Endpoint;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.reconcilers.api.ApiEndpoint;
import io.pdmgitops.reconcilers.api.ApiToken;
import io.pdmgitops.reconcilers.api.ClientSettings;
import io.pdmgitops.reconcilers.api.ConnectionPools;
import io.pdmgitops.reconcilers.api.Product;
import io.pdmgitops.reconcilers.api.ProxmoxTransport;
import io.pdmgitops.reconcilers.api.RemoteConnection;
import io.pdmgitops.reconcilers.pbs.PbsClient;
import io.pdmgitops.reconcilers.pbs.WebPbsClient;
import io.pdmgitops.reconcilers.pve.PveClient;
import io.pdmgitops.reconcilers.pve.WebPveClient;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import reactor.netty.resources.ConnectionProvider;

/**
 * One client per remote and token, built from the remote's document and the token's resolved
 * secret, and rebuilt when either changes (a new pin, a new endpoint, a rotated token). The
 * controller's own calls use the remote's default token; a user's request that came through a
 * remote group uses the token the group names ({@link RemoteToken}). All of them share one bounded
 * connection pool, closed with this object.
 */
public final class RemoteClients implements AutoCloseable {
  private final SecretResolver secrets;
  private final ClientSettings settings;
  private final ConnectionProvider connections;
  private final Map<Key, Cached> cache = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private record Key(String remote, java.util.Optional<String> token) {}

  private record Cached(Remote remote, int secretHash, ProxmoxTransport transport) {}

  public RemoteClients(SecretResolver secrets, ClientSettings settings) {
    this.secrets = secrets;
    this.settings = settings;
    this.connections = ConnectionPools.forRemotes("pdm-gitops-remotes", settings);
  }

  /** Closes every pooled connection; no client is handed out from now on. */
  @Override
  public void close() {
    closed = true;
    cache.clear();
    connections.disposeLater().block(settings.connectTimeout());
  }

  public PveClient pve(Remote remote) throws SecretResolver.SecretUnavailableException {
    return new WebPveClient(transport(remote));
  }

  public PbsClient pbs(Remote remote) throws SecretResolver.SecretUnavailableException {
    return new WebPbsClient(transport(remote));
  }

  /** A client that sends with the chosen token; see {@link #transport(Remote, RemoteToken)}. */
  public PveClient pve(Remote remote, RemoteToken via)
      throws SecretResolver.SecretUnavailableException {
    return new WebPveClient(transport(remote, via));
  }

  public PbsClient pbs(Remote remote, RemoteToken via)
      throws SecretResolver.SecretUnavailableException {
    return new WebPbsClient(transport(remote, via));
  }

  /** The controller's token on the remote, with its secret resolved. */
  public ApiToken token(Remote remote) throws SecretResolver.SecretUnavailableException {
    return new ApiToken(
        remote.spec().token().id(), secrets.resolve(remote.spec().token().secret()));
  }

  /** Forgets clients of remotes no longer declared; their idle connections close after a while. */
  public void retain(java.util.Set<String> declared) {
    cache.keySet().removeIf(k -> !declared.contains(k.remote()));
  }

  /**
   * The endpoint that answered the named remote's client last, without building or replacing a
   * client (pages look; only the loop's calls decide which client is current).
   */
  public java.util.Optional<io.pdmgitops.reconcilers.api.ApiEndpoint> lastAnswered(String name) {
    Cached cached = cache.get(new Key(name, java.util.Optional.empty()));
    return cached == null ? java.util.Optional.empty() : cached.transport().lastAnswered();
  }

  public ProxmoxTransport transport(Remote remote)
      throws SecretResolver.SecretUnavailableException {
    return transport(remote, RemoteToken.DEFAULT);
  }

  /**
   * The transport that sends with the chosen token: the remote's default token, or one of its
   * {@code spec.tokens} by name.
   *
   * @throws UnknownTokenException when the remote declares no token of that name (a snapshot that
   *     passed its checks always does; the message names the remote and the token, never a secret)
   */
  public ProxmoxTransport transport(Remote remote, RemoteToken via)
      throws SecretResolver.SecretUnavailableException {
    if (closed) {
      // A disposed pool would quietly open new connections that nobody closes.
      throw new IllegalStateException("the remote clients are closed");
    }
    io.pdmgitops.model.desired.ApiToken chosen = chosenToken(remote, via);
    String secret = secrets.resolve(chosen.secret());
    int secretHash = secret.hashCode();
    Key key = new Key(remote.metadata().name(), via.token());
    Cached cached = cache.get(key);
    if (cached != null && cached.remote().equals(remote) && cached.secretHash() == secretHash) {
      return cached.transport();
    }
    List<ApiEndpoint> endpoints =
        remote.spec().endpoints().stream().map(RemoteClients::endpoint).toList();
    ProxmoxTransport transport =
        new ProxmoxTransport(
            new RemoteConnection(
                remote.metadata().name(),
                remote.spec().type() == RemoteType.PBS ? Product.PBS : Product.PVE,
                endpoints,
                new ApiToken(chosen.id(), secret)),
            settings,
            connections);
    cache.put(key, new Cached(remote, secretHash, transport));
    return transport;
  }

  private static io.pdmgitops.model.desired.ApiToken chosenToken(Remote remote, RemoteToken via) {
    if (via.token().isEmpty()) {
      return remote.spec().token();
    }
    String name = via.token().get();
    return remote
        .spec()
        .token(name)
        .map(Remote.NamedToken::apiToken)
        .orElseThrow(
            () ->
                new UnknownTokenException(
                    "remote "
                        + remote.metadata().name()
                        + " declares no token '"
                        + name
                        + "' (remote group "
                        + via.group().orElse("?")
                        + " names it)"));
  }

  /** A remote group names a token its remote does not declare. */
  public static final class UnknownTokenException extends IllegalStateException {
    public UnknownTokenException(String message) {
      super(message);
    }
  }

  private static ApiEndpoint endpoint(Endpoint e) {
    return new ApiEndpoint(URI.create(e.url()), Objects.requireNonNull(e.fingerprint()));
  }
}
