package io.pdmgitops.simulator;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain Netty client for one simulated remote, independent of the product's client. */
final class PveHttp {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http;

  PveHttp(URI endpoint) {
    try {
      var ssl =
          SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build();
      this.http =
          HttpClient.create()
              .secure(spec -> spec.sslContext(ssl))
              .baseUrl(endpoint.toString())
              .responseTimeout(Duration.ofSeconds(10));
    } catch (javax.net.ssl.SSLException e) {
      throw new IllegalStateException(e);
    }
  }

  record Reply(int status, String reason, String body) {
    JsonNode json() {
      return JSON.readTree(body);
    }

    JsonNode data() {
      return json().get("data");
    }

    /** The per-parameter message of a 400. */
    String error(String parameter) {
      return json().path("errors").path(parameter).asString();
    }
  }

  /**
   * Opens a websocket on the path with the token, sends what {@code send} emits and collects what
   * arrives into {@code received} until either side closes; fails with the status of a refused
   * upgrade.
   */
  reactor.core.Disposable websocket(
      String path,
      String auth,
      reactor.core.publisher.Flux<String> send,
      StringBuffer received,
      java.util.concurrent.CompletableFuture<Throwable> ended) {
    return http.headers(h -> h.set("Authorization", auth))
        .websocket(
            reactor.netty.http.client.WebsocketClientSpec.builder()
                .protocols("binary")
                .maxFramePayloadLength(1 << 20)
                .build())
        .uri("/api2/json" + path)
        .handle(
            (in, out) -> {
              // Reading ends when the server closes; then the client stops sending too.
              reactor.core.publisher.Sinks.Empty<Void> closed =
                  reactor.core.publisher.Sinks.empty();
              Mono<Void> reading =
                  in.receive()
                      .asString()
                      .doOnNext(received::append)
                      .then()
                      .doFinally(s -> closed.tryEmitEmpty());
              Mono<Void> writing = out.sendString(send.takeUntilOther(closed.asMono())).then();
              return Mono.when(reading, writing);
            })
        .subscribe(v -> {}, e -> ended.complete(e), () -> ended.complete(null));
  }

  Reply call(String method, String path, String auth, String form) {
    return http.headers(
            h -> {
              if (auth != null) {
                h.set("Authorization", auth);
              }
              h.set("Content-Type", "application/x-www-form-urlencoded");
            })
        .request(HttpMethod.valueOf(method))
        .uri("/api2/json" + path)
        .send(form == null ? Mono.empty() : ByteBufFlux.fromString(Mono.just(form)))
        .responseSingle(
            (response, body) ->
                body.asString(StandardCharsets.UTF_8)
                    .defaultIfEmpty("")
                    .map(
                        b ->
                            new Reply(
                                response.status().code(), response.status().reasonPhrase(), b)))
        .block(Duration.ofSeconds(15));
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
