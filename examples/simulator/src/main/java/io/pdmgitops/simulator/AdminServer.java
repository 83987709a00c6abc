package io.pdmgitops.simulator;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.pdmgitops.simulator.config.FaultConfig;
import io.pdmgitops.simulator.config.FleetConfigReader;
import io.pdmgitops.simulator.config.SubscriptionConfig;
import io.pdmgitops.simulator.http.ErrorStyle;
import io.pdmgitops.simulator.pve.PveCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small plain-HTTP control surface on 127.0.0.1 for tests that run the simulator in another
 * process: faults, node state, locks, certificate rotation and guest state. Not part of the PVE API
 * and never exposed beyond loopback.
 */
public final class AdminServer implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final SimulatedFleet fleet;
  private final DisposableServer server;

  AdminServer(SimulatedFleet fleet, int port) {
    this.fleet = fleet;
    this.server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(port)
            .route(
                routes ->
                    routes
                        .get("/admin/remotes", (req, res) -> json(res, this::remotes))
                        .put("/admin/remotes/{remote}/faults", this::faults)
                        .post(
                            "/admin/remotes/{remote}/certificate/{name}",
                            (req, res) -> json(res, () -> rotate(req)))
                        .post(
                            "/admin/remotes/{remote}/nodes/{node}/online/{value}",
                            (req, res) -> json(res, () -> online(req)))
                        .post(
                            "/admin/remotes/{remote}/nodes/{node}/subscription/{status}",
                            (req, res) -> json(res, () -> subscription(req)))
                        .post(
                            "/admin/remotes/{remote}/guests/{vmid}/lock/{lock}",
                            (req, res) -> json(res, () -> lock(req)))
                        .post(
                            "/admin/remotes/{remote}/error-style/{style}",
                            (req, res) -> json(res, () -> style(req)))
                        .get(
                            "/admin/remotes/{remote}/guests/{vmid}",
                            (req, res) -> json(res, () -> guest(req))))
            .bindNow(Duration.ofSeconds(10));
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.disposeNow();
  }

  private Object remotes() {
    ArrayNode out = JSON.createArrayNode();
    for (String name : fleet.remoteNames()) {
      ObjectNode o =
          out.addObject()
              .put("name", name)
              .put("fingerprint", fleet.fingerprint(name))
              .put("requests", fleet.requestCount(name));
      ArrayNode endpoints = o.putArray("endpoints");
      fleet.endpoints(name).forEach(u -> endpoints.add(u.toString()));
    }
    return out;
  }

  private Publisher<Void> faults(HttpServerRequest req, HttpServerResponse res) {
    String remote = req.param("remote");
    return req.receive()
        .aggregate()
        .asString(StandardCharsets.UTF_8)
        .defaultIfEmpty("{}")
        .flatMap(
            body ->
                Mono.from(
                    json(
                        res,
                        () -> {
                          FaultConfig faults =
                              FleetConfigReader.parseFaults(JSON.readValue(body, Map.class));
                          fleet.setFaults(remote, faults);
                          return Map.of("remote", remote, "faults", faults.toString());
                        })));
  }

  private Object rotate(HttpServerRequest req) {
    fleet.rotateCertificate(req.param("remote"), req.param("name"));
    return Map.of("fingerprint", fleet.fingerprint(req.param("remote")));
  }

  private Object online(HttpServerRequest req) {
    fleet
        .cluster(req.param("remote"))
        .setNodeOnline(req.param("node"), "1".equals(req.param("value")));
    return Map.of("node", req.param("node"), "online", "1".equals(req.param("value")));
  }

  private Object subscription(HttpServerRequest req) {
    SubscriptionConfig subscription = SubscriptionConfig.of(req.param("status"));
    fleet.cluster(req.param("remote")).setSubscription(req.param("node"), subscription);
    return Map.of("node", req.param("node"), "subscription", subscription.status());
  }

  private Object lock(HttpServerRequest req) {
    String lock = req.param("lock");
    fleet
        .cluster(req.param("remote"))
        .setLock(Integer.parseInt(req.param("vmid")), lock.equals("none") ? null : lock);
    return Map.of("lock", lock);
  }

  private Object style(HttpServerRequest req) {
    PveCluster cluster = fleet.cluster(req.param("remote"));
    boolean legacy = req.param("style").equals("pve-legacy");
    cluster.setErrorStyle(legacy ? ErrorStyle.PVE_LEGACY : ErrorStyle.PVE);
    cluster.setLegacySubscriptionCase(legacy);
    return Map.of("style", req.param("style"));
  }

  private Object guest(HttpServerRequest req) {
    return fleet
        .cluster(req.param("remote"))
        .guest(Integer.parseInt(req.param("vmid")))
        .orElseThrow(() -> new IllegalArgumentException("no guest " + req.param("vmid")));
  }

  private record Result(int status, Object body) {}

  /** Runs off the event loop: closing or opening listeners blocks. */
  private static Publisher<Void> json(HttpServerResponse res, Supplier<Object> action) {
    return Mono.fromCallable(
            () -> {
              try {
                return new Result(200, action.get());
              } catch (RuntimeException e) {
                return new Result(400, Map.of("error", String.valueOf(e.getMessage())));
              }
            })
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            r ->
                Mono.from(
                    res.status(HttpResponseStatus.valueOf(r.status()))
                        .header("Content-Type", "application/json")
                        .sendString(Mono.just(JSON.writeValueAsString(r.body())))));
  }
}
