package io.pdmgitops.reconcilers.shell;

import io.pdmgitops.reconcilers.api.ApiEndpoint;
import io.pdmgitops.reconcilers.api.ProxmoxTransport;
import io.pdmgitops.reconcilers.api.ServerErrorException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A node's shell on a PVE remote, as PDM opens one (docs/shell.md): {@code POST
 * /nodes/{node}/termproxy} with the remote's token, then {@code GET
 * /nodes/{node}/vncwebsocket?port&vncticket} on the same host, then termproxy's login line {@code
 * user:ticket\n} answered {@code OK}. After that the input frames ({@code 0:<bytes>:<data>}, {@code
 * 1:<cols>:<rows>:}, {@code 2}) go through as they are and the output comes back as raw bytes, read
 * only as fast as the caller asks for them.
 */
public final class RemoteTerminal {
  /** termproxy waits 10 s for the login line; its answer must come within this. */
  static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(10);

  private static final byte[] OK = "OK".getBytes(StandardCharsets.US_ASCII);

  private RemoteTerminal() {}

  /**
   * The shell's output; subscribing opens it, cancelling closes it. Fails with the remote's refusal
   * ({@link io.pdmgitops.reconcilers.api.PermissionDeniedException} without Sys.Console, {@link
   * io.pdmgitops.reconcilers.api.AuthenticationFailedException} for a refused ticket) or a {@link
   * ServerErrorException} when the login line is not answered {@code OK}.
   *
   * @param input the frames to send after the login, in termproxy's protocol
   */
  public static Flux<byte[]> open(ProxmoxTransport transport, String node, Flux<String> input) {
    ApiEndpoint endpoint = transport.lastAnswered().orElse(transport.remote().endpoints().get(0));
    ProxmoxTransport host = transport.onlyAt(endpoint);
    String nodePath = "/nodes/" + ProxmoxTransport.segment(node);
    return host.post(nodePath + "/termproxy", Map.of())
        .flatMapMany(
            envelope -> {
              var data = envelope.data();
              // PDM logs in as its token, not as termproxy's `user`: the same on PVE, while
              // PBS answers the user's name alone there (docs/shell.md).
              String user = transport.remote().token().id();
              String ticket = data.path("ticket").asString();
              String port = data.path("port").asString();
              return host.websocket(
                  nodePath
                      + "/vncwebsocket?port="
                      + ProxmoxTransport.segment(port)
                      + "&vncticket="
                      + ProxmoxTransport.segment(ticket),
                  (in, out) -> {
                    Sinks.Empty<Void> loggedIn = Sinks.empty();
                    Mono<Void> sending =
                        out.sendString(
                                Flux.concat(
                                    Mono.just(user + ":" + ticket + "\n"),
                                    input.delaySubscription(loggedIn.asMono())))
                            .then();
                    Flux<byte[]> received =
                        in.receive()
                            .asByteArray()
                            .switchOnFirst(
                                (first, all) -> {
                                  if (first.hasValue()
                                      && java.util.Arrays.equals(first.get(), OK)) {
                                    loggedIn.tryEmitEmpty();
                                    return all.skip(1);
                                  }
                                  return Flux.error(
                                      new ServerErrorException(
                                          transport.remote().name(),
                                          OptionalInt.empty(),
                                          "the shell on "
                                              + node
                                              + " did not accept its login (termproxy answered"
                                              + " no OK)"));
                                })
                            .timeout(Mono.delay(LOGIN_TIMEOUT), any -> Mono.never());
                    return received.mergeWith(sending.then(Mono.empty()));
                  });
            });
  }
}
