package io.pdmgitops.simulator.pve;

import io.pdmgitops.simulator.config.TokenConfig;
import io.pdmgitops.simulator.http.ApiException;
import io.pdmgitops.simulator.http.ApiRequest;
import io.pdmgitops.simulator.http.ApiResponse;
import io.pdmgitops.simulator.http.Call;
import io.pdmgitops.simulator.http.Json;
import io.pdmgitops.simulator.http.Route;
import io.pdmgitops.simulator.http.TerminalOpening;
import io.pdmgitops.simulator.http.TokenAuth;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Node shells as pve-manager 9's {@code PVE/API2/Nodes.pm} serves them (see docs/shell.md): {@code
 * POST /nodes/{node}/termproxy} (Sys.Console on the node) starts a {@code vncshell} task whose
 * termproxy listens on a port from 5900 for one connection, and answers {@code user}, {@code
 * ticket}, {@code port}, {@code upid}; {@code GET /nodes/{node}/vncwebsocket?port&vncticket}
 * (Sys.Console again) upgrades to the terminal when the ticket is the one issued for that user,
 * path and port and is between -20 and 40 seconds old, else {@code 401 permission denied - invalid
 * PVEVNC ticket}. termproxy takes one connection: a ticket used once, or not used within 10
 * seconds, opens nothing more. Before PVE 9.0.13 an API token could not open a shell (its id is no
 * user name to PVE 8's termproxy).
 */
final class PveShellApi {
  static final int FIRST_PORT = 5900;
  static final int LAST_PORT = 5999;
  static final Duration CONNECT_WITHIN = Duration.ofSeconds(10);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final io.pdmgitops.simulator.http.ParamSchema TERMPROXY =
      io.pdmgitops.simulator.http.ParamSchema.of(
          io.pdmgitops.simulator.http.ParamSchema.Param.node("node", false),
          io.pdmgitops.simulator.http.ParamSchema.Param.optional(
                  "cmd", io.pdmgitops.simulator.http.ParamSchema.Type.STRING)
              .oneOf("ceph_install", "login", "upgrade"),
          io.pdmgitops.simulator.http.ParamSchema.Param.optional(
              "cmd-opts", io.pdmgitops.simulator.http.ParamSchema.Type.STRING));

  /** One termproxy: its ticket, who may use it, and whether its one connection was made. */
  private static final class TermProxy {
    final String node;
    final String user;
    final String ticket;
    final Instant issued;
    final SimTask task;
    volatile boolean connected;

    TermProxy(String node, String user, String ticket, Instant issued, SimTask task) {
      this.node = node;
      this.user = user;
      this.ticket = ticket;
      this.issued = issued;
      this.task = task;
    }
  }

  private final PveCluster cluster;
  private final Map<Integer, TermProxy> proxies = new ConcurrentHashMap<>();
  private final Set<FakeShell> open = ConcurrentHashMap.newKeySet();

  /** The next connection's ticket check fails whatever it is (a fault for tests). */
  volatile boolean refuseTickets;

  PveShellApi(PveCluster cluster) {
    this.cluster = cluster;
  }

  List<Route> routes() {
    return List.of(Route.of("POST", "/nodes/{node}/termproxy", this::termproxy));
  }

  /** Open sessions, for tests. */
  Set<FakeShell> sessions() {
    return Set.copyOf(open);
  }

  void dropAll() {
    open.forEach(FakeShell::drop);
  }

  private ApiResponse termproxy(Call call) {
    String node = call.var("node");
    TokenAuth.require(call.token(), "/nodes/" + node, "Sys.Console");
    SimNode n = cluster.reachableNode(node);
    call.validate(TERMPROXY);
    if (!tokensAllowed()) {
      throw ApiException.of(
          500, "value '" + call.token().id() + "' does not look like a valid user name");
    }
    Instant now = cluster.now();
    expire(now);
    int port =
        java.util.stream.IntStream.rangeClosed(FIRST_PORT, LAST_PORT)
            .filter(p -> !proxies.containsKey(p))
            .findFirst()
            .orElseThrow(() -> ApiException.of(500, "unable to find free port (5900-5999)"));
    String ticket =
        "PVEVNC:"
            + HexFormat.of().toHexDigits((int) now.getEpochSecond()).toUpperCase()
            + "::"
            + Base64.getEncoder().encodeToString(random(96));
    SimTask task =
        cluster.tasks.startDeferred(n.name, "vncshell", "", PveCluster.user(call.token()), now);
    task.log.add("starting termproxy " + task.upid);
    proxies.put(port, new TermProxy(n.name, call.token().id(), ticket, now, task));
    return ApiResponse.ok(
        Json.object()
            .put("user", call.token().id())
            .put("ticket", ticket)
            .put("port", port)
            .put("upid", task.upid));
  }

  /** PVE 9.0.13 and later accept API tokens for node shells; earlier ones do not. */
  private boolean tokensAllowed() {
    String[] v = cluster.version().split("[.-]");
    int[] n = new int[3];
    for (int i = 0; i < 3; i++) {
      n[i] = i < v.length && v[i].matches("\\d+") ? Integer.parseInt(v[i]) : 0;
    }
    return n[0] > 9 || (n[0] == 9 && (n[1] > 0 || n[2] >= 13));
  }

  private static byte[] random(int size) {
    byte[] b = new byte[size];
    RANDOM.nextBytes(b);
    return b;
  }

  /** termproxy gives up on a connection that does not come within 10 s. */
  private void expire(Instant now) {
    proxies
        .entrySet()
        .removeIf(
            e -> {
              TermProxy p = e.getValue();
              boolean gone = !p.connected && p.issued.plus(CONNECT_WITHIN).isBefore(now);
              if (gone) {
                p.task.decide(now, "OK", () -> {});
              }
              return gone;
            });
  }

  /**
   * {@code GET /nodes/{node}/vncwebsocket}, under the cluster's lock: the checks of the API method,
   * then with {@code upgrade} termproxy's one connection, without it the port (as the API method
   * itself answers).
   */
  TerminalOpening open(ApiRequest request, TokenConfig token, boolean upgrade) {
    String node = request.path().split("/")[2];
    TokenAuth.require(token, "/nodes/" + node, "Sys.Console");
    cluster.reachableNode(node);
    Instant now = cluster.now();
    expire(now);
    // The API method's schema: port (5900-5999) and vncticket are required.
    for (String required : List.of("port", "vncticket")) {
      if (!request.params().containsKey(required)) {
        throw ApiException.badParameter(required, "property is missing and it is not optional");
      }
    }
    int port;
    try {
      port = Integer.parseInt(request.params().get("port"));
    } catch (NumberFormatException e) {
      throw ApiException.badParameter("port", "value does not look like a valid integer");
    }
    if (port < FIRST_PORT || port > LAST_PORT) {
      throw ApiException.badParameter(
          "port",
          port < FIRST_PORT
              ? "value must have a minimum value of " + FIRST_PORT
              : "value must have a maximum value of " + LAST_PORT);
    }
    String ticket = request.params().get("vncticket");
    TermProxy proxy = proxies.get(port);
    // PVE::Ticket: age in whole seconds, valid strictly between -20 and 40.
    long age = proxy == null ? 0 : now.getEpochSecond() - proxy.issued.getEpochSecond();
    boolean valid =
        proxy != null
            && !refuseTickets
            && proxy.ticket.equals(ticket)
            && proxy.user.equals(token.id())
            && proxy.node.equals(node)
            && age > -20
            && age < 40;
    if (!valid) {
      throw ApiException.of(401, "permission denied - invalid PVEVNC ticket");
    }
    if (!upgrade) {
      return TerminalOpening.answered(
          ApiResponse.ok(Json.object().put("port", String.valueOf(port))));
    }
    if (proxy.connected) {
      // termproxy accepts one connection, then stops listening.
      throw ApiException.of(500, "failed to connect to termproxy on port " + port);
    }
    proxy.connected = true;
    SimNode n = cluster.reachableNode(node);
    FakeShell[] self = new FakeShell[1];
    FakeShell shell =
        new FakeShell(
            new FakeShell.Host(
                n.name, cluster.version() + "/" + PveReadApi.REPOID, n.apt.runningKernel(), false),
            proxy.user,
            proxy.ticket,
            () -> {
              open.remove(self[0]);
              proxies.remove(port);
              cluster.endTask(proxy.task);
            });
    self[0] = shell;
    return TerminalOpening.of((in, out) -> shell.run(in, out, open::add));
  }
}
