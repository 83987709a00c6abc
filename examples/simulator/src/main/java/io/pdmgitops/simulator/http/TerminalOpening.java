package io.pdmgitops.simulator.http;

import java.util.Objects;
import org.reactivestreams.Publisher;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * What a {@code vncwebsocket} request gets: a session to run on the upgraded socket, or an HTTP
 * answer instead (a refusal such as a bad ticket, or the port for a plain GET).
 *
 * @param answer the answer instead of the upgrade; null when the session runs
 * @param session the terminal on the socket; null when answered
 */
public record TerminalOpening(ApiResponse answer, Session session) {
  /** A terminal on an upgraded socket. */
  @FunctionalInterface
  public interface Session {
    Publisher<Void> run(WebsocketInbound in, WebsocketOutbound out);
  }

  public static TerminalOpening answered(ApiResponse answer) {
    return new TerminalOpening(Objects.requireNonNull(answer), null);
  }

  public static TerminalOpening of(Session session) {
    return new TerminalOpening(null, Objects.requireNonNull(session));
  }
}
