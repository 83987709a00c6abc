package io.pdmgitops.reconcilers.api;

import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * HTTPS calls to one remote through Spring's WebClient: token auth, certificate pinning per
 * endpoint, failover in the configured order, and three timeouts. Connection failures fail over for
 * every method (nothing was sent); a lost answer fails over only for GETs, because a POST may
 * already have been carried out.
 */
public final class ProxmoxTransport {
  private static final Logger LOG = LoggerFactory.getLogger(ProxmoxTransport.class);

  /** Spring hides the reason phrase, where PVE puts its error text; Netty hands it over here. */
  private static final String REASON_HEADER = "X-Pdm-Gitops-Reason";

  private static final String API_PREFIX = "/api2/json";

  private final RemoteConnection remote;
  private final ClientSettings settings;
  private final List<WebClient> clients = new ArrayList<>();
  private final AtomicReference<ApiEndpoint> lastAnswered = new AtomicReference<>();

  /** A transport on Reactor Netty's global connection pool: for tools and tests. */
  public ProxmoxTransport(RemoteConnection remote, ClientSettings settings) {
    this(remote, settings, null);
  }

  /**
   * @param connections the pool to take connections from; its owner disposes it
   */
  public ProxmoxTransport(
      RemoteConnection remote, ClientSettings settings, ConnectionProvider connections) {
    this.remote = remote;
    this.settings = settings;
    ExchangeStrategies strategies =
        ExchangeStrategies.builder()
            .codecs(c -> c.defaultCodecs().maxInMemorySize(settings.maxResponseBytes()))
            .build();
    for (ApiEndpoint endpoint : remote.endpoints()) {
      clients.add(
          WebClient.builder()
              .clientConnector(new ReactorClientHttpConnector(httpClient(endpoint, connections)))
              .exchangeStrategies(strategies)
              .build());
    }
  }

  /**
   * The same remote reached only at this endpoint: a node shell's termproxy listens on the host
   * that started it, so its websocket must go where its POST went.
   */
  public ProxmoxTransport onlyAt(ApiEndpoint endpoint) {
    return new ProxmoxTransport(
        new RemoteConnection(remote.name(), remote.product(), List.of(endpoint), remote.token()),
        settings);
  }

  /**
   * A websocket to the first endpoint ({@link #onlyAt}), with the token, the pinned TLS and frames
   * of at most 128 KiB (pveproxy's limit); a refused upgrade fails as any refused call (a bad
   * ticket is PVE's 401, a missing privilege its 403).
   */
  public <V> reactor.core.publisher.Flux<V> websocket(
      String pathAndQuery,
      java.util.function.BiFunction<
              reactor.netty.http.websocket.WebsocketInbound,
              reactor.netty.http.websocket.WebsocketOutbound,
              org.reactivestreams.Publisher<V>>
          handler) {
    ApiEndpoint endpoint = remote.endpoints().get(0);
    return httpClient(endpoint, null)
        .headers(h -> h.set("Authorization", remote.token().authorization(remote.product())))
        .websocket(
            reactor.netty.http.client.WebsocketClientSpec.builder()
                .protocols("binary")
                .maxFramePayloadLength(128 * 1024)
                .build())
        .uri(endpoint.url() + API_PREFIX + pathAndQuery)
        .handle(handler)
        .onErrorMap(
            io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException.class,
            e ->
                e.response() == null
                    ? unanswered(endpoint, e, HttpMethod.GET)
                    : ErrorClassifier.classify(
                        remote.name(),
                        remote.product(),
                        e.response().status().code(),
                        e.response().status().reasonPhrase(),
                        ""));
  }

  public RemoteConnection remote() {
    return remote;
  }

  /** The endpoint that answered the last call, for status pages. */
  public Optional<ApiEndpoint> lastAnswered() {
    return Optional.ofNullable(lastAnswered.get());
  }

  public Mono<ApiEnvelope> get(String path, Map<String, String> query) {
    return call(HttpMethod.GET, path + queryString(query), Map.of());
  }

  public Mono<ApiEnvelope> post(String path, Map<String, String> form) {
    return call(HttpMethod.POST, path, form);
  }

  /** An update ({@code PUT}, form-encoded like a POST): never retried on another endpoint. */
  public Mono<ApiEnvelope> put(String path, Map<String, String> form) {
    return call(HttpMethod.PUT, path, form);
  }

  public Mono<ApiEnvelope> delete(String path) {
    return call(HttpMethod.DELETE, path, Map.of());
  }

  /** Encodes one path segment, e.g. a UPID ({@code :} and {@code !} must not stay raw). */
  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private Mono<ApiEnvelope> call(HttpMethod method, String pathAndQuery, Map<String, String> form) {
    Duration overall = settings.overallTimeout();
    String what = method + " " + pathAndQuery + ": no answer within " + overall;
    // defer: every subscription gets its own failure list, so a caller's retry starts clean
    return Mono.defer(() -> attempt(0, method, pathAndQuery, form, new ArrayList<>()))
        .timeout(
            overall,
            Mono.error(
                () ->
                    method == HttpMethod.GET
                        ? new RemoteUnreachableException(remote.name(), List.of(what))
                        : new OutcomeUnknownException(remote.name(), what)));
  }

  private Mono<ApiEnvelope> attempt(
      int index,
      HttpMethod method,
      String pathAndQuery,
      Map<String, String> form,
      List<Failure> failures) {
    if (index == clients.size()) {
      return Mono.error(exhausted(failures));
    }
    ApiEndpoint endpoint = remote.endpoints().get(index);
    return exchange(index, method, pathAndQuery, form)
        .doOnSuccess(ok -> lastAnswered.set(endpoint))
        .onErrorResume(
            e -> !(e instanceof RemoteApiException) && failsOver(e, method),
            e -> {
              failures.add(new Failure(endpoint, e));
              LOG.debug(
                  "{} {}: {} failed, trying the next endpoint",
                  remote.name(),
                  endpoint,
                  describe(e));
              return attempt(index + 1, method, pathAndQuery, form, failures);
            })
        .onErrorMap(e -> !(e instanceof RemoteApiException), e -> unanswered(endpoint, e, method));
  }

  private Mono<ApiEnvelope> exchange(
      int index, HttpMethod method, String pathAndQuery, Map<String, String> form) {
    URI uri = URI.create(remote.endpoints().get(index).url() + API_PREFIX + pathAndQuery);
    WebClient.RequestBodySpec request =
        clients
            .get(index)
            .method(method)
            .uri(uri)
            .header("Authorization", remote.token().authorization(remote.product()));
    WebClient.RequestHeadersSpec<?> spec = request;
    if (method == HttpMethod.POST || method == HttpMethod.PUT) {
      LinkedMultiValueMap<String, String> body = new LinkedMultiValueMap<>();
      form.forEach(body::add);
      spec = request.body(BodyInserters.fromFormData(body));
    }
    return spec.exchangeToMono(
        response ->
            response
                .bodyToMono(byte[].class)
                .defaultIfEmpty(new byte[0])
                .map(
                    bytes -> {
                      int status = response.statusCode().value();
                      if (status >= 200 && status < 300) {
                        return new ApiEnvelope(remote.name(), bytes);
                      }
                      String body = new String(bytes, StandardCharsets.UTF_8);
                      String reason =
                          response.headers().header(REASON_HEADER).stream().findFirst().orElse("");
                      throw ErrorClassifier.classify(
                          remote.name(), remote.product(), status, reason, body);
                    }));
  }

  /** Nothing was sent (connect, TLS): any method may go elsewhere. Lost answers: GETs only. */
  private static boolean failsOver(Throwable e, HttpMethod method) {
    if (notSent(e)) {
      return true;
    }
    return method == HttpMethod.GET && !(rootCause(e) instanceof DataBufferLimitException);
  }

  private static boolean notSent(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (poolFull(t)
          || t instanceof ConnectException
          || t instanceof io.netty.channel.ConnectTimeoutException
          || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException
          || t instanceof SSLHandshakeException) {
        return true;
      }
    }
    return false;
  }

  /**
   * The controller's own pool had no connection to give (all in use, too many waiting): nothing
   * left this machine. Reactor's pool exceptions are shaded, so they are known by name.
   */
  private static boolean poolFull(Throwable t) {
    String name = t.getClass().getSimpleName();
    return name.equals("PoolAcquirePendingLimitException")
        || name.equals("PoolAcquireTimeoutException");
  }

  private RemoteApiException exhausted(List<Failure> failures) {
    for (Failure f : failures) {
      Optional<PinnedTrustManager.PinMismatch> mismatch = pinMismatch(f.error());
      if (mismatch.isPresent()) {
        return new CertificateMismatchException(
            remote.name(),
            f.endpoint().toString(),
            mismatch.get().presented,
            mismatch.get().expected);
      }
    }
    return new RemoteUnreachableException(
        remote.name(),
        failures.stream().map(f -> f.endpoint() + ": " + describe(f.error())).toList());
  }

  private RemoteApiException unanswered(ApiEndpoint endpoint, Throwable e, HttpMethod method) {
    if (rootCause(e) instanceof DataBufferLimitException) {
      return new ResponseTooLargeException(
          remote.name(),
          java.util.OptionalInt.empty(),
          "the answer of " + endpoint + " exceeds " + settings.maxResponseBytes() + " bytes");
    }
    if (method != HttpMethod.GET) {
      return new OutcomeUnknownException(remote.name(), endpoint + ": " + describe(e));
    }
    return new RemoteUnreachableException(remote.name(), List.of(endpoint + ": " + describe(e)));
  }

  private static Optional<PinnedTrustManager.PinMismatch> pinMismatch(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PinnedTrustManager.PinMismatch m) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  private static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (poolFull(t)) {
        return "no free connection in the controller's pool (the controller is busy, not the"
            + " remote)";
      }
    }
    Throwable root = rootCause(e);
    if (root instanceof ConnectException) {
      return "connection refused";
    }
    if (root instanceof TimeoutException
        || root instanceof io.netty.handler.timeout.ReadTimeoutException
        || root.getClass().getSimpleName().contains("Timeout")) {
      return "timed out";
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private record Failure(ApiEndpoint endpoint, Throwable error) {}

  private HttpClient httpClient(ApiEndpoint endpoint, ConnectionProvider connections) {
    SslContext ssl = sslContext(endpoint);
    boolean pinned = endpoint.fingerprint().isPresent();
    return (connections == null ? HttpClient.create() : HttpClient.create(connections))
        .option(
            ChannelOption.CONNECT_TIMEOUT_MILLIS,
            Math.toIntExact(settings.connectTimeout().toMillis()))
        .responseTimeout(settings.responseTimeout())
        .secure(
            spec ->
                spec.sslContext(ssl)
                    .handlerConfigurator(
                        handler -> {
                          if (pinned) {
                            // The pin is the identity; node certificates rarely name the address
                            // used.
                            SSLParameters parameters = handler.engine().getSSLParameters();
                            parameters.setEndpointIdentificationAlgorithm(null);
                            handler.engine().setSSLParameters(parameters);
                          }
                        }))
        .doOnResponse(
            (response, connection) ->
                response
                    .responseHeaders()
                    .set(
                        REASON_HEADER,
                        response.status().reasonPhrase().replaceAll("[^\\x20-\\x7e]", "?")));
  }

  private static SslContext sslContext(ApiEndpoint endpoint) {
    try {
      // Sessions are not resumed across connections (1 s): every new connection shows the
      // remote's certificate again, so a pooled connection's end is when a rotation is seen.
      SslContextBuilder builder = SslContextBuilder.forClient().sessionTimeout(1);
      endpoint.fingerprint().ifPresent(fp -> builder.trustManager(new PinnedTrustManager(fp)));
      return builder.build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot build a TLS context", e);
    }
  }

  private static String queryString(Map<String, String> query) {
    if (query.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("?");
    query.forEach(
        (k, v) -> {
          if (out.length() > 1) {
            out.append('&');
          }
          out.append(segment(k)).append('=').append(segment(v));
        });
    return out.toString();
  }
}
