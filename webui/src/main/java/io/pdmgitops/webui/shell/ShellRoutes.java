package io.pdmgitops.webui.shell;

import io.pdmgitops.model.access.AccessPath;
import io.pdmgitops.model.access.Permission;
import io.pdmgitops.model.access.RemoteToken;
import io.pdmgitops.model.fleet.ShellSupport;
import io.pdmgitops.webui.WebPorts;
import io.pdmgitops.webui.access.FormToken;
import io.pdmgitops.webui.access.Viewer;
import io.pdmgitops.webui.access.VisiblePorts;
import io.pdmgitops.webui.api.ApiDocs;
import io.pdmgitops.webui.api.RemoteInventory;
import io.pdmgitops.webui.pages.Format;
import io.pdmgitops.webui.pages.PageRoutes;
import io.pdmgitops.webui.write.IntentRoutes;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springdoc.webflux.core.fn.SpringdocRouteBuilder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A node's shell in the browser. The page {@value #PAGE} holds the terminal; its script opens the
 * WebSocket {@value #SOCKET}, which the controller relays to the node's termproxy with the token of
 * the caller's role, so the browser never sees a ticket or a token. Both need Admin on the node;
 * the socket also needs this controller's own Origin and the session's form token (in the query: a
 * browser's WebSocket cannot send headers). Admins list open shells at {@value #SESSIONS} (and
 * {@value #SESSIONS_API}) and close one with Admin on its node.
 */
public final class ShellRoutes {
  public static final String PAGE = "/shell/{remote}/{node}";
  public static final String SOCKET = "/shell/{remote}/{node}/socket";
  public static final String SESSIONS = "/shells";
  public static final String CLOSE = "/shells/{remote}/{node}/{id}/close";
  public static final String SESSIONS_API = "/api/v1/shells";
  public static final String CLOSE_API = "/api/v1/shells/{remote}/{node}/{id}/close";

  /**
   * Browser frames held while the remote is slower: with WebSocket frames of at most 64 KiB, a
   * paste flood holds at most 1 MiB per shell before the browser's socket is no longer read.
   */
  static final int INPUT_FRAMES = 16;

  private ShellRoutes() {}

  /** The JSON answer of a close. */
  public record Message(String message) {}

  public static RouterFunction<ServerResponse> pages(ShellPort shells, WebPorts ports) {
    HandshakeWebSocketService upgrades = new HandshakeWebSocketService();
    return RouterFunctions.route()
        .GET(PAGE, request -> page(request, ports))
        .GET(SOCKET, request -> socket(request, shells, upgrades))
        .GET(
            SESSIONS,
            request -> {
              Map<String, Object> model = new HashMap<>();
              model.put("fmt", new Format());
              model.put("shells", visible(request, shells));
              return request
                  .session()
                  .flatMap(
                      session -> {
                        Optional.ofNullable(session.getAttributes().remove(IntentRoutes.FLASH))
                            .ifPresent(flash -> model.put("flash", flash));
                        return ServerResponse.ok()
                            .contentType(MediaType.TEXT_HTML)
                            .render("shells", model);
                      });
            })
        .POST(
            CLOSE,
            request -> {
              IntentRoutes.Flash flash =
                  close(request, shells)
                      .map(m -> new IntentRoutes.Flash("ok", m))
                      .orElseGet(
                          () -> new IntentRoutes.Flash("bad", "That shell is no longer open."));
              return request
                  .session()
                  .doOnNext(s -> s.getAttributes().put(IntentRoutes.FLASH, flash))
                  .then(ServerResponse.seeOther(URI.create(SESSIONS)).build());
            })
        .filter(PageRoutes::withCaller)
        .build();
  }

  public static RouterFunction<ServerResponse> api(ShellPort shells) {
    return SpringdocRouteBuilder.route()
        .GET(
            SESSIONS_API,
            request ->
                ServerResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(visible(request, shells)),
            op ->
                op.operationId("listShells")
                    .tag("shells")
                    .summary("The open node shells on nodes the caller is Admin of, oldest first")
                    .response(ApiDocs.ok(OpenShell[].class)))
        .POST(
            CLOSE_API,
            request ->
                close(request, shells)
                    .map(
                        m ->
                            ServerResponse.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(new Message(m)))
                    .orElseGet(
                        () ->
                            ServerResponse.status(HttpStatus.NOT_FOUND)
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(new Message("no such shell is open on that node"))),
            op ->
                op.operationId("closeShell")
                    .tag("shells")
                    .summary("Close an open node shell (Admin on its node); its user sees why")
                    .parameter(ApiDocs.path("remote", "The shell's remote"))
                    .parameter(ApiDocs.path("node", "The shell's node"))
                    .parameter(ApiDocs.path("id", "The shell's id, from the list"))
                    .response(ApiDocs.ok(Message.class))
                    .response(ApiDocs.problem("404", "No such shell is open on that node")))
        .build();
  }

  /** The terminal page, or what stands in the way of a shell on that node. */
  private static Mono<ServerResponse> page(ServerRequest request, WebPorts ports) {
    String remote = request.pathVariable("remote");
    String node = request.pathVariable("node");
    Optional<RemoteInventory> inventory = VisiblePorts.of(request, ports).remotes().remote(remote);
    Map<String, Object> model = new HashMap<>();
    model.put("fmt", new Format());
    model.put("remote", remote);
    model.put("node", node);
    if (inventory.isEmpty()
        || inventory.get().nodes().stream().noneMatch(n -> n.name().equals(node))) {
      model.put(
          "message",
          inventory.isEmpty()
              ? "No remote named '" + remote + "' is declared."
              : remote + " has no node named '" + node + "'.");
      return ServerResponse.status(HttpStatus.NOT_FOUND)
          .contentType(MediaType.TEXT_HTML)
          .render("notfound", model);
    }
    var detail = inventory.get().remote();
    ShellSupport.refusal(remote, detail.type(), detail.version())
        .ifPresent(why -> model.put("refusal", why));
    model.put(
        "socket",
        UriComponentsBuilder.fromPath(SOCKET).buildAndExpand(remote, node).encode().toString());
    return ServerResponse.ok().contentType(MediaType.TEXT_HTML).render("shell", model);
  }

  /**
   * The upgrade: refused with a plain 403 for a foreign Origin (the form token was checked by the
   * security chain before); then the browser's frames go to the shell and its output comes back as
   * binary messages, closed with the reason when the shell ends.
   */
  private static Mono<ServerResponse> socket(
      ServerRequest request, ShellPort shells, HandshakeWebSocketService upgrades) {
    Optional<String> foreign = SameOrigin.refusal(request.exchange().getRequest());
    if (foreign.isPresent()) {
      return ServerResponse.status(HttpStatus.FORBIDDEN)
          .contentType(MediaType.TEXT_PLAIN)
          .bodyValue(foreign.get());
    }
    String remote = request.pathVariable("remote");
    String node = request.pathVariable("node");
    Optional<Viewer> viewer = Viewer.of(request);
    Optional<RemoteToken> via =
        viewer.flatMap(v -> v.tokenFor(AccessPath.node(remote, node), Permission.CONFIGURE));
    if (FormToken.of(request.exchange()).isEmpty()) {
      return ServerResponse.status(HttpStatus.FORBIDDEN)
          .contentType(MediaType.TEXT_PLAIN)
          .bodyValue("a shell opens from a logged-in page, not with an API token");
    }
    if (via.isEmpty()) {
      return ServerResponse.status(HttpStatus.FORBIDDEN)
          .contentType(MediaType.TEXT_PLAIN)
          .bodyValue("no role allows a shell on " + node);
    }
    String address = request.remoteAddress().map(a -> a.getHostString()).orElse("unknown");
    WebSocketHandler relay =
        session -> {
          // Cancelling a WebSocket's inbound closes the connection at once, and the shell stops
          // reading its input before its last output is out: it is not cancelled from here.
          Flux<String> frames =
              session
                  .receive()
                  .map(WebSocketMessage::getPayloadAsText)
                  .publish(INPUT_FRAMES)
                  .autoConnect();
          Flux<WebSocketMessage> output =
              shells
                  .open(viewer.get().name(), address, remote, node, via.get(), frames)
                  .onErrorResume(e -> Mono.just(ShellPort.lastLine(e.getMessage())))
                  .map(b -> session.binaryMessage(f -> f.wrap(b)));
          return session.send(output);
        };
    return ServerResponse.ok()
        .build((exchange, context) -> upgrades.handleRequest(exchange, relay));
  }

  /** The open shells on nodes the caller is Admin of. */
  private static List<OpenShell> visible(ServerRequest request, ShellPort shells) {
    Optional<Viewer> viewer = Viewer.of(request);
    return shells.sessions().stream()
        .filter(
            s ->
                viewer
                    .map(v -> v.allows(AccessPath.node(s.remote(), s.node()), Permission.CONFIGURE))
                    .orElse(false))
        .toList();
  }

  /** Closes the shell the path names, when it is open on the path's node. */
  private static Optional<String> close(ServerRequest request, ShellPort shells) {
    String remote = request.pathVariable("remote");
    String node = request.pathVariable("node");
    String id = request.pathVariable("id");
    String by = Viewer.of(request).map(Viewer::name).orElse("an admin");
    return shells.sessions().stream()
        .filter(s -> s.id().equals(id) && s.remote().equals(remote) && s.node().equals(node))
        .findFirst()
        .filter(s -> shells.close(id, by))
        .map(s -> "Closed " + s.user() + "'s shell on " + node + " of " + remote + ".");
  }
}
