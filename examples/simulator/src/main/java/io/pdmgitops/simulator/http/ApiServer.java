package io.pdmgitops.simulator.http;

import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.pdmgitops.simulator.config.FaultConfig;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTPS listeners of one simulated remote: parses requests the way pveproxy does, applies the
 * remote's faults, and renders envelopes and errors in the remote's style.
 */
public final class ApiServer implements AutoCloseable {
  static final String PREFIX = "/api2/json";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int SLOW_BODY_PIECES = 10;

  private final SimulatedRemote remote;
  private final String host;
  private final List<Integer> ports;
  private final List<DisposableServer> servers = new ArrayList<>();
  private final RequestLog log = new RequestLog();
  private volatile RequestHook hook = RequestHook.NONE;

  /** Accepted connections: a stopped remote must not go on answering over kept-alive ones. */
  private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

  public ApiServer(SimulatedRemote remote, String host, List<Integer> ports) {
    this.remote = remote;
    this.host = host;
    this.ports = new ArrayList<>(ports);
  }

  /** Binds every listener; ports given as 0 are fixed at their first binding. */
  public synchronized void start() {
    if (!servers.isEmpty()) {
      return;
    }
    for (int i = 0; i < ports.size(); i++) {
      DisposableServer server =
          HttpServer.create()
              .host(host)
              .port(ports.get(i))
              .secure(spec -> spec.sslContext(remote.tls().sslContext()))
              // Tracked by hand, not with channelGroup(): that makes disposeNow() wait for
              // requests in flight, and a hanging fault would stop stop() itself.
              .doOnConnection(connection -> connections.add(connection.channel()))
              .handle(this::handle)
              .bindNow(Duration.ofSeconds(10));
      ports.set(i, server.port());
      servers.add(server);
    }
  }

  /**
   * Closes the listeners and every open connection: clients get "connection refused" until {@link
   * #start()}, as from a host that went down.
   */
  public synchronized void stop() {
    servers.forEach(DisposableServer::disposeNow);
    servers.clear();
    connections.close().awaitUninterruptibly(Duration.ofSeconds(10).toMillis());
  }

  /** What reached this remote, for tests that count calls. */
  public RequestLog requests() {
    return log;
  }

  /** Replaces the hook that runs around every request ({@link RequestHook#NONE} to remove). */
  public void hook(RequestHook hook) {
    this.hook = hook;
  }

  public synchronized boolean isRunning() {
    return !servers.isEmpty();
  }

  /** Base URLs, one per listener, in the order of the fleet file. */
  public synchronized List<URI> endpoints() {
    return ports.stream().map(p -> URI.create("https://" + host + ":" + p)).toList();
  }

  @Override
  public void close() {
    stop();
  }

  private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
    URI uri;
    try {
      uri = URI.create(request.uri());
    } catch (IllegalArgumentException e) {
      return send(response, render(ApiResponse.error(400, "malformed URI")), Duration.ZERO);
    }
    String path = uri.getRawPath();
    if (!path.startsWith(PREFIX + "/")) {
      return send(response, render(ApiResponse.error(501, "no such uri")), Duration.ZERO);
    }
    String apiPath = path.substring(PREFIX.length());
    FaultConfig faults = remote.faults().forPath(apiPath);
    if (faults.hang()) {
      // Accepted, never answered: the client's timeouts must act. Logged as not acted on.
      log.add(
          new LoggedRequest(Instant.now(), request.method().name(), apiPath, Set.of(), 0, false));
      return Mono.never();
    }
    if (apiPath.endsWith("/vncwebsocket")) {
      // pveproxy upgrades when asked; a plain GET runs the same checks and answers the port.
      return terminal(
          request,
          response,
          uri,
          apiPath,
          "websocket".equalsIgnoreCase(request.requestHeaders().get("Upgrade")));
    }
    String contentType =
        Optional.ofNullable(request.requestHeaders().get("Content-Type")).orElse("");
    Optional<String> authorization =
        Optional.ofNullable(request.requestHeaders().get("Authorization"));
    return request
        .receive()
        .aggregate()
        .asString(StandardCharsets.UTF_8)
        .defaultIfEmpty("")
        // Handlers take the cluster lock and may call other simulated clusters: never on the
        // event loop, which serves those other clusters too.
        .publishOn(Schedulers.boundedElastic())
        .flatMap(
            body -> {
              Map<String, String> params;
              try {
                params = new HashMap<>(bodyParams(body, contentType));
              } catch (RuntimeException e) {
                return Mono.just(
                    render(ApiResponse.error(400, "unable to parse the request body")));
              }
              params.putAll(form(uri.getRawQuery()));
              params.remove("_dc"); // ExtJS cache buster, dropped by PVE too
              ApiRequest call =
                  new ApiRequest(request.method().name(), apiPath, params, authorization);
              RequestHook around = hook;
              around.beforeHandling(call);
              if (!connected(request)) {
                log.add(logged(call, 0, false));
                return Mono.<Rendered>empty();
              }
              boolean fail = ThreadLocalRandom.current().nextDouble() < faults.errorRate();
              ApiResponse answer =
                  fail ? ApiResponse.error(500, "simulated failure") : remote.handle(call);
              log.add(logged(call, answer.status(), true));
              around.afterHandling(call, answer.status());
              return Mono.just(render(answer));
            })
        .delaySubscription(faults.latency())
        .flatMap(rendered -> Mono.from(send(response, rendered, faults.slowBody())));
  }

  /**
   * A websocket upgrade to a terminal: authenticated and checked like any call (the remote
   * decides), then upgraded with the subprotocol the client asked for ({@code binary}) and frames
   * of at most 128 KiB, as pveproxy does; a refusal is an ordinary error answer without the
   * upgrade.
   */
  private Publisher<Void> terminal(
      HttpServerRequest request,
      HttpServerResponse response,
      URI uri,
      String apiPath,
      boolean upgrade) {
    ApiRequest call =
        new ApiRequest(
            "GET",
            apiPath,
            form(uri.getRawQuery()),
            Optional.ofNullable(request.requestHeaders().get("Authorization")));
    return Mono.fromCallable(() -> remote.openTerminal(call, upgrade))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            opening -> {
              if (opening.answer() != null) {
                log.add(logged(call, opening.answer().status(), true));
                return Mono.from(send(response, render(opening.answer()), Duration.ZERO));
              }
              log.add(logged(call, 101, true));
              String protocols =
                  Optional.ofNullable(request.requestHeaders().get("Sec-WebSocket-Protocol"))
                      .orElse("binary");
              return Mono.from(
                  response.sendWebsocket(
                      (in, out) -> opening.session().run(in, out),
                      reactor.netty.http.server.WebsocketServerSpec.builder()
                          .protocols(protocols.split(",")[0].strip())
                          .maxFramePayloadLength(128 * 1024)
                          .build()));
            });
  }

  private record Rendered(ApiResponse response, String body) {}

  private static LoggedRequest logged(ApiRequest call, int status, boolean acted) {
    return new LoggedRequest(
        Instant.now(), call.method(), call.path(), call.params().keySet(), status, acted);
  }

  /** Whether the client still waits for this request's answer. */
  private static boolean connected(HttpServerRequest request) {
    return !(request instanceof Connection c) || c.channel().isActive();
  }

  private Rendered render(ApiResponse r) {
    if (!r.isError()) {
      ObjectNode envelope = JSON.createObjectNode();
      envelope.set("data", r.data() == null ? JSON.nullNode() : r.data());
      if (r.total() >= 0) {
        envelope.put("total", r.total());
      }
      return new Rendered(r, JSON.writeValueAsString(envelope));
    }
    if (r.status() == 401 && "No ticket".equals(r.message()) || r.status() >= 590) {
      return new Rendered(r, "");
    }
    return switch (remote.errorStyle()) {
      case PBS -> new Rendered(r, r.message());
      case PVE_LEGACY -> new Rendered(r, JSON.writeValueAsString(errorBody(r, false)));
      case PVE -> new Rendered(r, JSON.writeValueAsString(errorBody(r, true)));
    };
  }

  private static JsonNode errorBody(ApiResponse r, boolean withMessage) {
    ObjectNode body = JSON.createObjectNode();
    body.putNull("data");
    if (withMessage) {
      body.put("message", r.message() + "\n");
    }
    if (!r.errors().isEmpty()) {
      ObjectNode errors = body.putObject("errors");
      r.errors().forEach(errors::put);
    }
    return body;
  }

  private static Publisher<Void> send(
      HttpServerResponse response, Rendered rendered, Duration slow) {
    ApiResponse r = rendered.response();
    String reason = r.isError() ? r.reason().replaceAll("[\\r\\n]", " ") : "OK";
    response
        .status(new HttpResponseStatus(r.status(), reason))
        .header("Content-Type", "application/json;charset=UTF-8")
        .header("Server", "pve-api-daemon/3.0")
        .header("Cache-Control", "max-age=0")
        .header("Pragma", "no-cache");
    byte[] bytes = rendered.body().getBytes(StandardCharsets.UTF_8);
    if (slow.isZero() || bytes.length == 0) {
      return response.sendByteArray(Mono.just(bytes));
    }
    int piece = Math.max(1, bytes.length / SLOW_BODY_PIECES);
    List<byte[]> pieces = new ArrayList<>();
    for (int i = 0; i < bytes.length; i += piece) {
      pieces.add(java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + piece)));
    }
    return response.sendByteArray(
        Flux.fromIterable(pieces).delayElements(slow.dividedBy(pieces.size())));
  }

  private static Map<String, String> bodyParams(String body, String contentType) {
    if (body.isBlank()) {
      return Map.of();
    }
    if (contentType.startsWith("application/json")) {
      Map<String, String> params = new HashMap<>();
      JsonNode node = JSON.readTree(body);
      node.properties()
          .forEach(
              e -> {
                JsonNode v = e.getValue();
                params.put(e.getKey(), v.isBoolean() ? (v.asBoolean() ? "1" : "0") : v.asString());
              });
      return params;
    }
    return form(body);
  }

  static Map<String, String> form(String encoded) {
    Map<String, String> params = new HashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return params;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }
}
