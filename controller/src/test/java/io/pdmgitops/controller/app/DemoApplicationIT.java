package io.pdmgitops.controller.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pdmgitops.controller.ThreadsOnFailure;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged application in demo mode: the simulated fleet of examples/fleet.yaml, a bare
 * repository seeded from examples/demo-repo, the loop, H2 and the JSON API. A pushed commit that
 * stops a guest stops it on the fleet, and the API links the action to the commit.
 */
@ExtendWith(ThreadsOnFailure.class)
class DemoApplicationIT {
  static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path data;
  @TempDir Path clone;
  RunningDemo running;
  io.pdmgitops.controller.cli.DemoAccess demo;
  ConfigurableApplicationContext app;
  String api;

  @BeforeEach
  void start() throws Exception {
    running = new RunningDemo(data);
    demo = running.demo();
    app = running.app();
    api = running.url();
  }

  @AfterEach
  void stop() {
    running.close();
  }

  String text(String path) throws Exception {
    return running.text(path);
  }

  JsonNode get(String path) throws Exception {
    return running.json(path);
  }

  @Test
  void theDemoReconcilesAndAPushedCommitStopsAGuest() throws Exception {
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              JsonNode status = get("/api/v1/status");
              assertThat(status.at("/lastGoodCommit/valid").asBoolean()).isTrue();
              assertThat(status.get("remotes").size()).isEqualTo(3);
              assertThat(status.get("remotes").findValuesAsString("health"))
                  .containsOnly("HEALTHY");
            });
    assertThat(demo.fleet().cluster("dc-east").guest(120).orElseThrow().status())
        .isEqualTo("running");

    String sha = running.stopDns01(clone);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                demo.fleet()
                    .cluster("dc-east")
                    .guest(120)
                    .orElseThrow()
                    .status()
                    .equals("stopped"));
    String expected = sha;
    await()
        .atMost(Duration.ofSeconds(15))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              JsonNode dns = null;
              for (JsonNode r : get("/api/v1/drift")) {
                if (r.get("name").asString().equals("dns-01")) {
                  dns = r;
                }
              }
              assertThat(dns.at("/lastAction/commit").asString()).isEqualTo(expected);
              assertThat(dns.at("/lastAction/action").asString()).isEqualTo("SHUTDOWN");
              assertThat(dns.at("/lastAction/exitStatus").asString()).isEqualTo("OK");
            });
    assertThat(get("/api/v1/status").at("/lastCommit/message").asString())
        .isEqualTo("Stop dns-01 for maintenance");
    HttpResponse<String> metrics = running.send("/metrics");
    assertThat(metrics.body())
        .contains("pdm_actions_total{action=\"shutdown\",kind=\"Guest\",result=\"done\"}");
    // The fleet table: PDM's search over everything observed, paged; bad input is a problem.
    JsonNode lxc = get("/api/v1/resources?search=%2Btype:lxc%20%2Bremote:dc-east&size=5");
    assertThat(lxc.get("total").asInt()).isPositive();
    assertThat(lxc.get("items").findValuesAsString("type")).containsOnly("lxc");
    HttpResponse<String> bad = running.send("/api/v1/resources?search=kind:vm");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(JSON.readTree(bad.body()).get("detail").asString())
        .startsWith("unknown category 'kind' at column 1");
    // The pages render on the real fleet, with their stylesheet and htmx from the webjar.
    assertThat(text("/")).contains("data-count=\"remotes-ok\">3<");
    assertThat(text("/resources?search=dns-01")).contains("data-id=\"remote/dc-east/guest/120\"");
    assertThat(text("/css/app.css")).contains("prefers-color-scheme: dark");
    assertThat(text("/webjars/htmx.org/dist/htmx.min.js")).contains("htmx");
    // History: the commit, and the action it caused with its result; the drift page renders.
    JsonNode commits = get("/api/v1/commits?limit=5");
    assertThat(commits.get(0).at("/commit/sha").asString()).isEqualTo(expected);
    assertThat(commits.get(0).get("actions"))
        .anySatisfy(
            a -> {
              assertThat(a.get("resource").asString()).isEqualTo("Guest/dns-01");
              assertThat(a.get("exitStatus").asString()).isEqualTo("OK");
            });
    assertThat(text("/history")).contains("Stop dns-01 for maintenance").contains("Guest/dns-01");
    await().atMost(Duration.ofSeconds(15)).until(() -> text("/history").contains("data-change"));
    assertThat(text("/history"))
        .as("the verdict changes the store recorded, by the commit they happened under")
        .containsPattern("<code>Guest/dns-01</code> <span>OUT_OF_SYNC, HEALTHY");
    assertThat(text("/drift")).contains("<h1>Drift</h1>");
    JsonNode remotes = get("/api/v1/remotes");
    assertThat(remotes.findValuesAsString("status")).containsOnly("online");
    assertThat(remotes.findValuesAsString("name"))
        .containsExactly("dc-east", "dc-west", "pbs-main");
    assertThat(text("/remotes")).contains("data-remote=\"pbs-main\"");
    assertThat(text("/views/production")).contains("<h1>View production</h1>");
    // The store keeps the verdicts and the history that led to them.
    var resources = app.getBean(io.pdmgitops.controller.store.JdbcResourceStore.class);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> resources.statuses().get("Guest/dns-01").sync().equals("SYNCED"));
    assertThat(resources.recentEvents(java.util.Optional.empty(), 1000))
        .anySatisfy(
            e -> {
              assertThat(e.type())
                  .isEqualTo(io.pdmgitops.controller.store.EventType.COMMIT_ACCEPTED);
              assertThat(e.commitSha()).contains(expected);
              assertThat(e.message()).isEqualTo("accepted: Stop dns-01 for maintenance");
            });
    assertThat(resources.recentEvents(java.util.Optional.of("Guest/dns-01"), 10))
        .anySatisfy(e -> assertThat(e.message()).startsWith("OUT_OF_SYNC, HEALTHY (was SYNCED"));
    detailsOfTheStoppedGuest(expected);
    theDemosBackupJobsAreMadeAndShownOnTheGuests();
    everyApiRouteIsDocumented();
  }

  /** The demo repository's two jobs exist on the clusters, and each guest page says which. */
  void theDemosBackupJobsAreMadeAndShownOnTheGuests() throws Exception {
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              JsonNode web = get("/api/v1/guests/dc-east/100").get("backups");
              assertThat(web.get("covered").asBoolean()).isTrue();
              assertThat(web.get("jobs").get(0).get("id").asString()).isEqualTo("nightly");
              assertThat(web.get("jobs").get(0).get("declaredAs").asString())
                  .isEqualTo("east-nightly");
            });
    // the template is excluded from the only job of dc-east: nothing backs it up
    assertThat(get("/api/v1/guests/dc-east/9000").at("/backups/covered").asBoolean()).isFalse();
    assertThat(text("/guests/dc-east/9000")).contains("data-backup-finding");
    // west's job selects the production pool: a batch guest is not in it
    assertThat(get("/api/v1/guests/dc-west/200").at("/backups/jobs/0/id").asString())
        .isEqualTo("production");
    assertThat(get("/api/v1/guests/dc-west/211").at("/backups/covered").asBoolean()).isFalse();
  }

  /** Each /api/v1 route the application serves is in the OpenAPI document, with its answers. */
  void everyApiRouteIsDocumented() throws Exception {
    java.util.Set<String> routed = new java.util.TreeSet<>();
    // Webhooks are called by Git hosts and described in docs/ci.md; every other router is API.
    for (String router :
        java.util.List.of(
            "apiRoutes",
            "planRoutes",
            "controlRoutes",
            "taskStopApi",
            "healthApi",
            "updatesApi",
            "shellApi")) {
      app.getBean(router, org.springframework.web.reactive.function.server.RouterFunction.class)
          .accept(new RoutePaths(routed));
    }
    routed.removeIf(path -> !path.startsWith("/api/v1/"));
    assertThat(routed).hasSizeGreaterThanOrEqualTo(15).contains("/api/v1/plan", "/api/v1/suspend");
    JsonNode document = get("/api/v1/openapi.json");
    assertThat(document.get("openapi").asString()).startsWith("3.");
    java.util.Set<String> documented = new java.util.TreeSet<>();
    document.get("paths").propertyNames().forEach(documented::add);
    assertThat(documented).isEqualTo(routed);
    JsonNode guest = document.at("/paths/~1api~1v1~1guests~1{remote}~1{vmid}/get");
    assertThat(guest.get("operationId").asString()).isEqualTo("guest");
    assertThat(guest.get("responses").propertyNames()).contains("200", "400", "404");
    assertThat(document.at("/components/schemas/ResourceDetail/properties").propertyNames())
        .contains("resource", "declaration", "verdict", "next", "observed", "actions");
    assertThat(text("/api"))
        .contains("data-operation=\"tasks\"")
        .contains("id=\"schema-ResourceDetail\"");
  }

  /**
   * Collects the path patterns of a router function, and its routes as "METHOD pattern" (a route
   * without a method predicate counts as "* pattern").
   */
  static final class RoutePaths
      implements org.springframework.web.reactive.function.server.RouterFunctions.Visitor,
          org.springframework.web.reactive.function.server.RequestPredicates.Visitor {
    private final java.util.Set<String> paths;
    private final java.util.Set<String> routes;
    private final java.util.List<String> methods = new java.util.ArrayList<>();
    private final java.util.List<String> routePaths = new java.util.ArrayList<>();

    RoutePaths(java.util.Set<String> paths) {
      this(paths, new java.util.TreeSet<>());
    }

    RoutePaths(java.util.Set<String> paths, java.util.Set<String> routes) {
      this.paths = paths;
      this.routes = routes;
    }

    @Override
    public void route(
        org.springframework.web.reactive.function.server.RequestPredicate predicate,
        org.springframework.web.reactive.function.server.HandlerFunction<?> handler) {
      methods.clear();
      routePaths.clear();
      predicate.accept(this);
      for (String path : routePaths) {
        if (methods.isEmpty()) {
          routes.add("* " + path);
        }
        for (String method : methods) {
          routes.add(method + " " + path);
        }
      }
    }

    @Override
    public void path(String pattern) {
      paths.add(pattern);
      routePaths.add(pattern);
    }

    @Override
    public void startNested(org.springframework.web.reactive.function.server.RequestPredicate p) {}

    @Override
    public void endNested(org.springframework.web.reactive.function.server.RequestPredicate p) {}

    @Override
    public void resources(
        java.util.function.Function<
                org.springframework.web.reactive.function.server.ServerRequest,
                reactor.core.publisher.Mono<org.springframework.core.io.Resource>>
            lookup) {}

    @Override
    public void attributes(java.util.Map<String, Object> attributes) {}

    @Override
    public void unknown(org.springframework.web.reactive.function.server.RouterFunction<?> f) {}

    @Override
    public void method(java.util.Set<org.springframework.http.HttpMethod> methods) {
      methods.forEach(m -> this.methods.add(m.name()));
    }

    @Override
    public void pathExtension(String extension) {}

    @Override
    public void header(String name, String value) {}

    @Override
    public void queryParam(String name, String value) {}

    @Override
    public void version(String version) {}

    @Override
    public void startAnd() {}

    @Override
    public void and() {}

    @Override
    public void endAnd() {}

    @Override
    public void startOr() {}

    @Override
    public void or() {}

    @Override
    public void endOr() {}

    @Override
    public void startNegate() {}

    @Override
    public void endNegate() {}

    @Override
    public void unknown(org.springframework.web.reactive.function.server.RequestPredicate p) {}
  }

  /** The guest, its remote, its task and its file, all read from the real fleet and clone. */
  void detailsOfTheStoppedGuest(String sha) throws Exception {
    JsonNode guest = get("/api/v1/guests/dc-east/120");
    assertThat(guest.at("/declaration/file").asString()).isEqualTo("guests/dc-east.yaml");
    assertThat(guest.at("/declaration/commit").asString()).isEqualTo(sha);
    assertThat(guest.at("/declaration/yaml").asString())
        .contains("name: dns-01")
        .contains("power: stopped")
        .doesNotContain("---");
    assertThat(guest.at("/actions/0/action").asString()).isEqualTo("SHUTDOWN");
    assertThat(guest.get("observed").findValuesAsString("field")).contains("node", "power");
    JsonNode rrd = get("/api/v1/guests/dc-east/120/rrddata?timeframe=hour");
    assertThat(rrd.get("time").size()).isPositive();
    // Stopped now: the simulator's buckets carry only the maxima; nothing is zero-filled.
    assertThat(rrd.at("/series/maxmem").size()).isEqualTo(rrd.get("time").size());
    assertThat(rrd.at("/series/cpu").isMissingNode()).isTrue();
    // The fleet's tasks: the shutdown is there, linked to the commit, with its log.
    JsonNode tasks = get("/api/v1/tasks?mine=true&remote=dc-east");
    JsonNode shutdown = null;
    for (JsonNode t : tasks.get("tasks")) {
      if (t.get("type").asString().endsWith("shutdown") && t.get("id").asString().equals("120")) {
        shutdown = t;
      }
    }
    assertThat(shutdown).as("the shutdown task in %s", tasks).isNotNull();
    assertThat(shutdown.get("commit").asString()).isEqualTo(sha);
    assertThat(shutdown.get("state").asString()).isEqualTo("OK");
    JsonNode log = get("/api/v1/remotes/dc-east/tasks/" + shutdown.get("upid").asString() + "/log");
    assertThat(log.get("lines").size()).isPositive();
    assertThat(log.get("exitStatus").asString()).isEqualTo("OK");
    // A UPID naming a node the remote does not have: PVE answers 500 "hostname lookup failed".
    String[] upid = shutdown.get("upid").asString().split(":", -1);
    upid[1] = "pve-gone";
    HttpResponse<String> noNode =
        running.send("/api/v1/remotes/dc-east/tasks/" + String.join(":", upid) + "/log");
    assertThat(noNode.statusCode()).as(noNode.body()).isEqualTo(404);
    JsonNode east = get("/api/v1/remotes/dc-east");
    assertThat(east.get("nodes").size()).isEqualTo(3);
    assertThat(east.get("answering").asString()).startsWith("https://");
    // The pages over the same data, and the file at the commit.
    assertThat(text("/guests/dc-east/120")).contains("data-next>");
    assertThat(text("/tasks?mine=true")).contains("vzshutdown");
    assertThat(text("/remotes/dc-east")).contains("data-answering>yes, last answer<");
    assertThat(text("/source/" + sha + "/guests/dc-east.yaml")).contains("dns-01");
    assertThat(text("/webjars/chart.js/dist/chart.umd.js")).contains("Chart");
    // The dashboard's task summary counts the same remote tasks (collected in the background).
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(text("/"))
                    .containsPattern("<span>guest</span>\\s*<span><span class=\"ok\">\\d+ ok")
                    .containsPattern("<span>pbs-main</span>\\s*<span><span class=\"ok\">"));
  }
}
