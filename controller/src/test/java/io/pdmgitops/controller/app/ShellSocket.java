package io.pdmgitops.controller.app;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;

/** A browser's side of a node shell in tests: the page's frames out, the terminal's text in. */
final class ShellSocket implements AutoCloseable {
  private final StringBuffer screen = new StringBuffer();
  private final Sinks.Many<String> frames = Sinks.many().unicast().onBackpressureBuffer();
  private final CompletableFuture<Void> opened = new CompletableFuture<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private Disposable connection;

  private ShellSocket() {}

  /**
   * Opens {@code /shell/{remote}/{node}/socket} in the session, from the controller's own Origin,
   * with the session's form token in the query as the page's script sends it.
   */
  static ShellSocket open(String base, WebLogin.Session session, String remote, String node)
      throws Exception {
    String uri =
        base.replaceFirst("^http", "ws")
            + "/shell/"
            + remote
            + "/"
            + node
            + "/socket?_csrf="
            + URLEncoder.encode(session.formToken(), StandardCharsets.UTF_8);
    ShellSocket shell = new ShellSocket();
    shell.connection =
        HttpClient.create()
            .headers(
                h -> {
                  h.add("Cookie", session.cookie());
                  h.add("Origin", base);
                })
            .websocket()
            .uri(uri)
            .handle(
                (in, out) -> {
                  shell.opened.complete(null);
                  return Mono.when(
                      in.receive()
                          .asString(StandardCharsets.UTF_8)
                          .doOnNext(shell.screen::append)
                          .then(),
                      out.sendString(shell.frames.asFlux()).then());
                })
            .doFinally(signal -> shell.closed.complete(null))
            .subscribe(
                ignored -> {},
                e -> {
                  shell.opened.completeExceptionally(e);
                  shell.closed.complete(null);
                });
    shell.opened.get(20, TimeUnit.SECONDS);
    return shell;
  }

  /** Types a line, as xterm.js frames it. */
  ShellSocket type(String text) {
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    frames.tryEmitNext("0:" + bytes + ":" + text);
    return this;
  }

  ShellSocket resize(int cols, int rows) {
    frames.tryEmitNext("1:" + cols + ":" + rows + ":");
    return this;
  }

  String screen() {
    return screen.toString();
  }

  boolean isClosed() {
    return closed.isDone();
  }

  @Override
  public void close() {
    frames.tryEmitComplete();
    if (connection != null) {
      connection.dispose();
    }
    closed.orTimeout(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
  }
}
