package io.pdmgitops.controller.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.pdmgitops.controller.security.AuditTrail;
import io.pdmgitops.controller.security.LocalLogins;
import io.pdmgitops.controller.security.LoginThrottle;
import io.pdmgitops.controller.security.PasswordHashing;
import io.pdmgitops.controller.security.TokenSecret;
import io.pdmgitops.controller.security.directory.TestDirectory;
import io.pdmgitops.controller.security.tfa.Totp;
import io.pdmgitops.webui.access.RouteRules;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import tools.jackson.databind.JsonNode;

/**
 * Who may open what, against the running demo: every route of the router has a rule, anonymous
 * callers get nothing, and each kind of caller sees exactly the resources their rules reach, in
 * lists and counts as well as single pages. The callers: the demo's admin (Admin on /), auditor
 * (Audit on /) and operator (Manage on dc-east, Audit on the production view), and two users this
 * test commits: Audit on dc-east only, and Audit on the production view only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessControlIT {
  static final String PASSWORD = "correct horse battery staple";

  @TempDir static Path data;
  @TempDir static Path clone;
  static RunningDemo running;
  static final Map<String, WebLogin.Session> sessions = new LinkedHashMap<>();

  /** Every log event of the run, to search for secrets at the end. */
  static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();

  static TestDirectory directory;

  @BeforeAll
  static void start() throws Exception {
    directory = new TestDirectory(data.resolve("directory"));
    running =
        new RunningDemo(data, Map.of("pdm.secrets.CORP_LDAP_PW", TestDirectory.READER_PASSWORD));
    // After the start: Spring Boot's logging set-up replaces appenders added before it.
    LOG.start();
    ((LoggerContext) LoggerFactory.getILoggerFactory())
        .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        .addAppender(LOG);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> running.send("/api/v1/status").statusCode() == 200);
    addUsers();
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        // Until the commit is in force; not by trying logins, whose failures would be throttled.
        .until(
            () ->
                running
                    .json("/api/v1/status")
                    .at("/lastGoodCommit/message")
                    .asString()
                    .startsWith("Two more users"));
    sessions.put("admin", running.admin());
    sessions.put("auditor", running.login("auditor@pdm"));
    sessions.put("operator", running.login("operator@pdm"));
    sessions.put("east-auditor", WebLogin.login(running.url(), "east-auditor", PASSWORD));
    sessions.put("viewer", WebLogin.login(running.url(), "viewer@pdm", PASSWORD));
  }

  @AfterAll
  static void stop() {
    if (running != null) {
      running.close();
    }
    if (directory != null) {
      directory.close();
    }
  }

  /** Secrets of the robot's tokens, made by the test like `pdm-gitops new-token` does. */
  static final String ALL = TokenSecret.generate();

  static final String EAST = TokenSecret.generate();
  static final String METRICS = TokenSecret.generate();

  /** Two more local users and a robot with tokens, committed and pushed as any change is. */
  static void addUsers() throws Exception {
    String hash = PasswordHashing.hash(PASSWORD.toCharArray());
    try (Git git =
        Git.cloneRepository()
            .setURI(running.demo().repository().toUri().toString())
            .setDirectory(clone.toFile())
            .call()) {
      Files.writeString(
          clone.resolve("access/test-users.yaml"),
          """
          apiVersion: pdm-gitops/v1
          kind: User
          metadata: {name: east-auditor}
          spec: {realm: pdm, passwordHash: "%1$s"}
          ---
          apiVersion: pdm-gitops/v1
          kind: User
          metadata: {name: viewer}
          spec: {realm: pdm, passwordHash: "%1$s"}
          ---
          apiVersion: pdm-gitops/v1
          kind: AccessRule
          metadata: {name: east-auditor-audits-dc-east}
          spec: {subject: {user: east-auditor@pdm}, role: Audit, path: /remotes/dc-east}
          ---
          apiVersion: pdm-gitops/v1
          kind: AccessRule
          metadata: {name: viewer-sees-production}
          spec: {subject: {user: viewer@pdm}, role: Admin, path: /views/production}
          ---
          apiVersion: pdm-gitops/v1
          kind: User
          metadata: {name: robot}
          spec:
            realm: pdm
            tokens:
              - {name: all, secretHash: "%2$s"}
              - {name: east, secretHash: "%3$s", path: /remotes/dc-east}
              - {name: metrics, secretHash: "%4$s", path: /system}
          ---
          apiVersion: pdm-gitops/v1
          kind: User
          metadata: {name: careful}
          spec: {realm: pdm, passwordHash: "%1$s", tfa: {required: true}}
          ---
          apiVersion: pdm-gitops/v1
          kind: AccessRule
          metadata: {name: careful-audits-all}
          spec: {subject: {user: careful@pdm}, role: Audit, path: /}
          ---
          apiVersion: pdm-gitops/v1
          kind: Realm
          metadata: {name: test-ldap}
          spec:
            type: ldap
            server1: localhost
            port: %5$s
            mode: ldap
            baseDn: "ou=people,dc=corp,dc=example"
            userAttr: uid
            bindDn: "cn=reader,dc=corp,dc=example"
            bindPassword: {env: CORP_LDAP_PW}
            groupDn: "ou=groups,dc=corp,dc=example"
          ---
          apiVersion: pdm-gitops/v1
          kind: Group
          metadata: {name: lab-team}
          spec:
            realmGroups: [{realm: test-ldap, name: lab}]
          ---
          apiVersion: pdm-gitops/v1
          kind: AccessRule
          metadata: {name: lab-team-audits-dc-west}
          spec: {subject: {group: lab-team}, role: Audit, path: /remotes/dc-west}
          ---
          apiVersion: pdm-gitops/v1
          kind: User
          metadata: {name: bob}
          spec: {realm: test-ldap}
          ---
          apiVersion: pdm-gitops/v1
          kind: AccessRule
          metadata: {name: bob-of-test-ldap-audits-dc-east}
          spec: {subject: {user: bob@test-ldap}, role: Audit, path: /remotes/dc-east}
          ---
          apiVersion: pdm-gitops/v1
          kind: AccessRule
          metadata: {name: robot-audits-all}
          spec: {subject: {user: robot@pdm}, role: Audit, path: /}
          """
              .formatted(
                  hash,
                  TokenSecret.hash(ALL),
                  TokenSecret.hash(EAST),
                  TokenSecret.hash(METRICS),
                  directory.ldapPort()));
      git.add().addFilepattern(".").call();
      PersonIdent admin = new PersonIdent("Admin", "infra-admins@corp.example");
      git.commit().setMessage("Two more users").setAuthor(admin).setCommitter(admin).call();
      git.push().call();
    }
  }

  /** The routes the running router serves, as "METHOD pattern". */
  static Set<String> routes() {
    Set<String> routes = new TreeSet<>();
    for (String bean : running.app().getBeanNamesForType(RouterFunction.class)) {
      running
          .app()
          .getBean(bean, RouterFunction.class)
          .accept(new DemoApplicationIT.RoutePaths(new TreeSet<>(), routes));
    }
    return routes;
  }

  @Test
  @Order(1)
  void everyRouteOfTheRouterHasARuleForItsMethod() {
    Set<String> routes = routes();
    List<String> uncovered = new ArrayList<>();
    for (String route : routes) {
      String method = route.substring(0, route.indexOf(' '));
      String path = route.substring(route.indexOf(' ') + 1);
      if (RouteRules.isPublic(path)) {
        continue;
      }
      boolean covered =
          method.equals("*")
              ? RouteRules.covers(HttpMethod.GET, path) || RouteRules.covers(HttpMethod.POST, path)
              : RouteRules.covers(HttpMethod.valueOf(method), path);
      if (!covered) {
        uncovered.add(route);
      }
    }
    assertThat(routes).hasSizeGreaterThanOrEqualTo(40);
    assertThat(uncovered).as("routes without an access rule for their method").isEmpty();
  }

  @Test
  @Order(1)
  void theGeneratedRouteByRoleMatrixHolds() throws Exception {
    String commit = running.json("/api/v1/status").at("/lastGoodCommit/sha").asString();
    Map<String, RouteMatrix.Case> cases = RouteMatrix.cases(commit);
    List<String> gets =
        routes().stream()
            .filter(r -> r.startsWith("GET ") || r.startsWith("* "))
            .map(r -> r.substring(r.indexOf(' ') + 1))
            .filter(p -> !RouteRules.isPublic(p))
            .distinct()
            .toList();
    assertThat(gets.stream().filter(p -> !cases.containsKey(p)).toList())
        .as("GET routes of the router without a row in RouteMatrix (add one for a new route)")
        .isEmpty();
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (String pattern : gets) {
      RouteMatrix.Case row = cases.get(pattern);
      List<Map.Entry<String, Set<RouteMatrix.Caller>>> samples = new ArrayList<>();
      samples.add(Map.entry(row.inside(), row.insideAllowed()));
      row.outside().ifPresent(o -> samples.add(Map.entry(o, row.outsideAllowed())));
      for (var sample : samples) {
        String path = sample.getKey();
        // Nobody without a login: 401 for machines, the login page for people.
        HttpResponse<String> anonymous = running.send(path, null);
        boolean machine =
            path.startsWith("/api/") || path.equals("/metrics") || path.equals("/events");
        // A shell's socket checks the form token in its query before the login: 403 for all.
        boolean socket = path.endsWith("/socket");
        if (socket
            ? anonymous.statusCode() != 403
            : machine ? anonymous.statusCode() != 401 : anonymous.statusCode() / 100 != 3) {
          wrong.add("anonymous " + path + ": " + anonymous.statusCode());
        }
        for (RouteMatrix.Caller caller : RouteMatrix.Caller.values()) {
          int got = status(caller, path);
          if (caller == RouteMatrix.Caller.EAST_TOKEN && !machine && !socket) {
            // A token is for programs: on a page it is no login, whatever it could read.
            checked++;
            if (got / 100 != 3) {
              wrong.add(caller + " " + path + ": " + got + ", expected the login page");
            }
            continue;
          }
          boolean allowed = sample.getValue().contains(caller);
          boolean ok = allowed ? row.allowedStatus().contains(got) : got == 403;
          checked++;
          if (!ok) {
            wrong.add(
                caller
                    + " "
                    + path
                    + ": "
                    + got
                    + ", expected "
                    + (allowed ? row.allowedStatus() : "403"));
          }
        }
      }
    }
    assertThat(wrong).as("cells of the matrix that do not hold").isEmpty();
    assertThat(checked).isGreaterThan(200);
  }

  /**
   * A GET as one of the matrix's callers; only the status is read (the body is closed unread, so
   * the live event stream answers too).
   */
  static int status(RouteMatrix.Caller caller, String path) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(running.url() + path)).timeout(Duration.ofSeconds(30));
    switch (caller) {
      case ADMIN -> request.header("Cookie", sessions.get("admin").cookie());
      case AUDITOR -> request.header("Cookie", sessions.get("auditor").cookie());
      case OPERATOR -> request.header("Cookie", sessions.get("operator").cookie());
      case EAST_AUDITOR -> request.header("Cookie", sessions.get("east-auditor").cookie());
      case VIEWER -> request.header("Cookie", sessions.get("viewer").cookie());
      case EAST_TOKEN -> request.header("Authorization", "Bearer robot@pdm!east=" + EAST);
    }
    HttpResponse<java.io.InputStream> answer =
        RunningDemo.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    answer.body().close();
    return answer.statusCode();
  }

  @Test
  @Order(2)
  void anonymousCallersGetNothingButTheLoginForm() throws Exception {
    for (String path : samplePaths()) {
      HttpResponse<String> answer = running.send(path, null);
      if (path.startsWith("/api/") || path.equals("/metrics") || path.equals("/events")) {
        assertThat(answer.statusCode()).as(path).isEqualTo(401);
      } else {
        assertThat(answer.statusCode()).as(path).isIn(302, 303);
        assertThat(answer.headers().firstValue("Location")).as(path).hasValue("/login");
      }
      assertThat(answer.body()).as(path).doesNotContain("dc-east").doesNotContain("dns-01");
    }
    assertThat(running.send("/login", null).statusCode()).isEqualTo(200);
    assertThat(running.send("/css/app.css", null).statusCode()).isEqualTo(200);
  }

  @Test
  @Order(3)
  void eachCallerSeesExactlyTheResourcesTheirRulesReach() throws Exception {
    // Asked again while the fleet moves (the demo's first actions migrate guests between calls).
    await().atMost(Duration.ofSeconds(30)).untilAsserted(AccessControlIT::sameSetsAsTheirRules);
    Set<String> all = ids("admin", "");
    // Counts and searches say no more than the list.
    assertThat(running.json("/api/v1/resources?size=1").get("total").asInt()).isEqualTo(all.size());
    assertThat(
            json("east-auditor", "/api/v1/resources?size=1&search=remote:dc-west")
                .get("total")
                .asInt())
        .isZero();
    assertThat(sum(json("east-auditor", "/api/v1/status").get("sync")))
        .isLessThan(sum(running.json("/api/v1/status").get("sync")));
    assertThat(json("east-auditor", "/api/v1/remotes").findValuesAsString("name"))
        .containsExactly("dc-east");
    assertThat(json("viewer", "/api/v1/remotes").size()).isZero();
    assertThat(text("east-auditor", "/")).doesNotContain("dc-west").doesNotContain("pbs-main");
    assertThat(text("east-auditor", "/drift")).doesNotContain("west-web-01");
  }

  @Test
  @Order(4)
  void aPathNoRouteServesIsNotFoundForEveryoneAndAViewOpensWhatItMatches() throws Exception {
    for (String caller : sessions.keySet()) {
      assertThat(running.send("/no/such/page", sessions.get(caller)).statusCode())
          .as(caller)
          .isEqualTo(404);
    }
    // A guest outside the operator's remote but in the production view: readable through the view.
    String viaView =
        ids("admin", "view:production").stream()
            .filter(id -> id.startsWith("remote/dc-west/guest/"))
            .findFirst()
            .orElseThrow();
    String[] parts = viaView.split("/");
    assertThat(
            running
                .send("/api/v1/guests/dc-west/" + parts[3], sessions.get("operator"))
                .statusCode())
        .as("operator reads %s through the production view", viaView)
        .isEqualTo(200);
  }

  @Test
  @Order(5)
  void theSessionIsRenewedAtLoginAndEndsAtLogout() throws Exception {
    WebLogin.Session before = WebLogin.anonymous(running.url());
    HttpResponse<String> login = WebLogin.post(running.url(), before, "viewer", PASSWORD);
    String after = WebLogin.cookie(login).orElseThrow();
    assertThat(after).as("a new session id at login").isNotEqualTo(before.cookie());
    assertThat(
            running.send("/api/v1/status", new WebLogin.Session(before.cookie(), "")).statusCode())
        .as("the id from before login is worth nothing")
        .isEqualTo(401);
    String setCookie =
        login.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("PDM_SESSION="))
            .findFirst()
            .orElseThrow();
    assertThat(setCookie).containsIgnoringCase("HttpOnly").contains("SameSite=Strict");

    WebLogin.Session session = WebLogin.login(running.url(), "viewer", PASSWORD);
    assertThat(post("/logout", session, "")).as("logout without the form token").isEqualTo(403);
    assertThat(running.send("/api/v1/status", session).statusCode()).isEqualTo(200);
    assertThat(post("/logout", session, "_csrf=" + session.formToken())).isIn(302, 303);
    assertThat(running.send("/api/v1/status", session).statusCode()).isEqualTo(401);
  }

  @Test
  @Order(6)
  void apiTokensActForTheirUserWithinTheirPathAndMakeNoSession() throws Exception {
    HttpResponse<String> byToken =
        withHeader("/api/v1/resources?size=500", "PDMAPIToken=robot@pdm!all=" + ALL);
    assertThat(byToken.statusCode()).isEqualTo(200);
    sameAs("admin", "PDMAPIToken=robot@pdm!all=" + ALL);
    assertThat(byToken.headers().allValues("Set-Cookie")).as("no session for a token").isEmpty();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        itemIds(
                            withHeader(
                                "/api/v1/resources?size=500", "Bearer robot@pdm!east=" + EAST)))
                    .isNotEmpty()
                    .allMatch(id -> id.startsWith("remote/dc-east"))
                    .isEqualTo(ids("admin", "remote:dc-east")));
    assertThat(withHeader("/api/v1/remotes/dc-west", "Bearer robot@pdm!east=" + EAST).statusCode())
        .isEqualTo(403);
    // Prometheus: a token narrowed to /system scrapes the metrics and nothing else.
    assertThat(withHeader("/metrics", "Bearer robot@pdm!metrics=" + METRICS).statusCode())
        .isEqualTo(200);
    assertThat(withHeader("/api/v1/status", "Bearer robot@pdm!metrics=" + METRICS).body())
        .doesNotContain("dc-east");
    assertThat(withHeader("/metrics", "Bearer robot@pdm!east=" + EAST).statusCode()).isEqualTo(403);

    // A wrong secret, an unknown token, a malformed header: 401 and the same answer.
    for (String header :
        List.of(
            "Bearer robot@pdm!all=" + EAST,
            "Bearer robot@pdm!gone=" + ALL,
            "PDMAPIToken=robot@pdm",
            "Bearer " + ALL)) {
      HttpResponse<String> refused = withHeader("/api/v1/status", header);
      assertThat(refused.statusCode()).as(header).isEqualTo(401);
      assertThat(refused.body()).as(header).doesNotContain("dc-east");
    }
    // Pages are for people: a token opens none of them.
    HttpResponse<String> page = withHeader("/", "Bearer robot@pdm!all=" + ALL);
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location")).hasValue("/login");
  }

  static void sameSetsAsTheirRules() throws Exception {
    Set<String> all = ids("admin", "");
    Set<String> east = ids("admin", "remote:dc-east");
    Set<String> production = ids("admin", "view:production");
    assertThat(all).hasSizeGreaterThan(east.size());
    assertThat(production).isNotEmpty().isNotEqualTo(all);
    Set<String> operator = new TreeSet<>(east);
    operator.addAll(production);

    assertThat(ids("auditor", "")).isEqualTo(all);
    assertThat(ids("east-auditor", "")).isEqualTo(east);
    assertThat(ids("viewer", "")).isEqualTo(production);
    assertThat(ids("operator", "")).isEqualTo(operator);
  }

  /**
   * The token sees what the caller's session sees. Asked again while the fleet moves (the demo's
   * first actions migrate guests), until two answers of a moment agree.
   */
  static void sameAs(String caller, String authorization) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(itemIds(withHeader("/api/v1/resources?size=500", authorization)))
                    .isEqualTo(ids(caller, "")));
  }

  static HttpResponse<String> withHeader(String path, String authorization) throws Exception {
    return RunningDemo.HTTP.send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(running.url() + path))
            .header("Authorization", authorization)
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static Set<String> itemIds(HttpResponse<String> page) {
    Set<String> ids = new TreeSet<>();
    RunningDemo.JSON
        .readTree(page.body())
        .get("items")
        .forEach(i -> ids.add(i.get("id").asString()));
    return ids;
  }

  @Test
  @Order(6)
  void everyAnswerForbidsFramingSniffingAndForeignScripts() throws Exception {
    for (String path : List.of("/login", "/", "/api/v1/status", "/no/such/page")) {
      var headers = running.send(path).headers();
      assertThat(headers.firstValue("Content-Security-Policy"))
          .as(path)
          .hasValueSatisfying(
              csp ->
                  assertThat(csp)
                      .contains("script-src 'self'")
                      .contains("style-src 'self'")
                      .contains("frame-ancestors 'none'")
                      .doesNotContain("unsafe-inline")
                      .doesNotContain("unsafe-eval"));
      assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
    }
  }

  @Test
  @Order(6)
  void aLoginWithoutTheFormTokenIsRefused() throws Exception {
    WebLogin.Session before = WebLogin.anonymous(running.url());
    int status =
        post(
            "/login",
            new WebLogin.Session(before.cookie(), ""),
            "username=viewer&password=" + PASSWORD.replace(' ', '+'));
    assertThat(status).isEqualTo(403);
  }

  @Test
  @Order(7)
  void repeatedFailuresHoldANameBackAndUnknownNamesGetTheSameAnswer() throws Exception {
    for (int i = 0; i < LoginThrottle.PER_USER; i++) {
      assertThat(
              location(
                  WebLogin.post(
                      running.url(),
                      WebLogin.anonymous(running.url()),
                      "east-auditor",
                      "wrong " + i)))
          .endsWith("/login?error");
    }
    // Now even the right password is refused, with the same answer as a wrong one.
    assertThat(
            location(
                WebLogin.post(
                    running.url(), WebLogin.anonymous(running.url()), "east-auditor", PASSWORD)))
        .endsWith("/login?error");
    assertThat(
            location(
                WebLogin.post(
                    running.url(), WebLogin.anonymous(running.url()), "nobody-here", "x")))
        .endsWith("/login?error");
    String page = running.send("/login?error", null).body();
    assertThat(page).contains(LocalLogins.FAILED.replace("'", "&#39;").substring(0, 30));
    // Another name from the same address still logs in.
    assertThat(WebLogin.login(running.url(), "viewer", PASSWORD).cookie()).isNotEmpty();
  }

  static List<String> samplePaths() {
    return List.of(
        "/",
        "/remotes",
        "/remotes/dc-east",
        "/resources",
        "/guests/dc-east/120",
        "/tasks",
        "/drift",
        "/history",
        "/api",
        "/views/production",
        "/api/v1/status",
        "/api/v1/resources",
        "/api/v1/guests/dc-east/120",
        "/api/v1/drift",
        "/api/v1/remotes",
        "/api/v1/tasks",
        "/api/v1/commits",
        "/api/v1/openapi.json",
        "/metrics",
        "/events");
  }

  static Set<String> ids(String caller, String search) throws Exception {
    JsonNode page =
        json(
            caller,
            "/api/v1/resources?size=500&search="
                + java.net.URLEncoder.encode(search, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(page.get("total").asInt()).as("one page holds them all").isLessThanOrEqualTo(500);
    Set<String> ids = new HashSet<>();
    page.get("items").forEach(i -> ids.add(i.get("id").asString()));
    return new TreeSet<>(ids);
  }

  static JsonNode json(String caller, String path) throws Exception {
    return RunningDemo.JSON.readTree(text(caller, path));
  }

  static String text(String caller, String path) throws Exception {
    HttpResponse<String> answer = running.send(path, sessions.get(caller));
    assertThat(answer.statusCode()).as("%s %s", caller, path).isEqualTo(200);
    return answer.body();
  }

  static long sum(JsonNode counts) {
    long sum = 0;
    for (JsonNode n : counts) {
      sum += n.asLong();
    }
    return sum;
  }

  static String personalSecret = "not made yet";

  @Test
  @Order(8)
  void aUserMakesAPersonalTokenSeesItsSecretOnceAndItsLastUseAndRevokesIt() throws Exception {
    WebLogin.Session viewer = sessions.get("viewer");
    assertThat(running.text("/access/tokens")).contains("You have no API tokens");
    // Narrowed to the view the viewer holds: the token sees what the view shows.
    HttpResponse<String> made =
        form(
            "/access/tokens",
            viewer,
            "name=laptop&path=%2Fviews%2Fproduction&expire=2999-01-01&comment=my+laptop");
    assertThat(made.statusCode()).isEqualTo(200);
    assertThat(made.headers().firstValue("Cache-Control")).hasValue("no-store");
    java.util.regex.Matcher shown =
        java.util.regex.Pattern.compile(
                "Authorization: PDMAPIToken=viewer@pdm!laptop=([A-Za-z0-9_-]{43})")
            .matcher(made.body());
    assertThat(shown.find()).as(made.body()).isTrue();
    personalSecret = shown.group(1);
    String header = "PDMAPIToken=viewer@pdm!laptop=" + personalSecret;

    assertThat(withHeader("/api/v1/resources?size=500", header).statusCode()).isEqualTo(200);
    sameAs("viewer", header);
    assertThat(withHeader("/api/v1/remotes/dc-east", header).statusCode()).isEqualTo(403);

    String list = text("viewer", "/access/tokens");
    assertThat(list)
        .contains("viewer@pdm!laptop")
        .contains("/views/production")
        .contains("my laptop");
    assertThat(list).as("the secret is shown once").doesNotContain(personalSecret);
    assertThat(lastUsed(list, "laptop")).as("last use").isNotEqualTo("never");

    // One name once; a bad path and a past expiry are refused with the reason.
    assertThat(form("/access/tokens", viewer, "name=laptop").body())
        .contains("already have a token named");
    HttpResponse<String> badPath = form("/access/tokens", viewer, "name=other&path=%2Fnowhere");
    assertThat(badPath.statusCode()).isEqualTo(400);
    assertThat(badPath.body()).contains("is not an ACL path");
    assertThat(form("/access/tokens", viewer, "name=old&expire=2001-01-01").body())
        .contains("the expiry must be a day after today");
    // Without the form token: refused before anything is made.
    assertThat(post("/access/tokens", viewer, "name=forged")).isEqualTo(403);
    // Another user cannot revoke it: their own tokens have no such name.
    assertThat(form("/access/tokens/laptop/revoke", sessions.get("east-auditor"), "").statusCode())
        .isEqualTo(404);
    assertThat(withHeader("/api/v1/status", header).statusCode()).isEqualTo(200);

    HttpResponse<String> revoked = form("/access/tokens/laptop/revoke", viewer, "");
    assertThat(revoked.statusCode()).isEqualTo(303);
    assertThat(withHeader("/api/v1/status", header).statusCode()).isEqualTo(401);
    assertThat(text("viewer", "/access/tokens")).doesNotContain("viewer@pdm!laptop");
    // The robot's Git tokens are listed for it too, read only; the bootstrap has no page.
    running.app().getBean(AuditTrail.class).flush(Duration.ofSeconds(10));
    assertThat(running.json("/api/v1/audit?actor=viewer").findValuesAsString("kind"))
        .contains("TOKEN_CREATED", "TOKEN_REVOKED");
  }

  /** A form post with the session's form token. */
  static HttpResponse<String> form(String path, WebLogin.Session session, String fields)
      throws Exception {
    String token = "_csrf=" + java.net.URLEncoder.encode(session.formToken(), "UTF-8");
    return WebLogin.HTTP.send(
        HttpRequest.newBuilder(URI.create(running.url() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", session.cookie())
            .timeout(Duration.ofSeconds(30))
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    fields.isEmpty() ? token : fields + "&" + token))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String lastUsed(String page, String token) {
    java.util.regex.Matcher row =
        java.util.regex.Pattern.compile(
                "data-token=\"" + token + "\"[\\s\\S]*?data-last-used(?:=\"\")?>([^<]*)<")
            .matcher(page);
    return row.find() ? row.group(1).strip() : "(no row for " + token + ")";
  }

  @Test
  @Order(8)
  void aDirectoryUserLogsInWithTheDirectorysPasswordAndSeesWhatTheirRulesGive() throws Exception {
    WebLogin.Session before = WebLogin.anonymous(running.url());
    assertThat(location(WebLogin.post(running.url(), before, "bob@test-ldap", "not it")))
        .isEqualTo("/login?error");
    WebLogin.Session bob =
        WebLogin.login(running.url(), "bob@test-ldap", TestDirectory.BOB_PASSWORD);
    assertThat(running.send("/api/v1/status", bob).statusCode()).isEqualTo(200);
    assertThat(running.send("/remotes/dc-east", bob).statusCode()).isEqualTo(200);
    assertThat(running.send("/remotes/dc-west", bob).statusCode()).isEqualTo(403);
    // Carol is not in Git; her directory group lab maps to the Group lab-team.
    WebLogin.Session carol =
        WebLogin.login(running.url(), "carol@test-ldap", TestDirectory.CAROL_PASSWORD);
    assertThat(running.send("/remotes/dc-west", carol).statusCode()).isEqualTo(200);
    assertThat(running.send("/remotes/dc-east", carol).statusCode()).isEqualTo(403);
    assertThat(running.send("/api/v1/remotes", carol).body())
        .contains("dc-west")
        .doesNotContain("dc-east");
    // A directory user Git does not declare, in no mapped group, cannot log in, even with the
    // right password.
    assertThat(
            location(
                WebLogin.post(
                    running.url(),
                    WebLogin.anonymous(running.url()),
                    "reader@test-ldap",
                    TestDirectory.READER_PASSWORD)))
        .isEqualTo("/login?error");
  }

  @Test
  @Order(8)
  void aRequiredSecondFactorIsEnrolledAtTheFirstLoginAndAskedAtEveryLoginAfter() throws Exception {
    // Right password, no second factor yet, Git requires one: only the enrolment page opens.
    WebLogin.Session before = WebLogin.anonymous(running.url());
    HttpResponse<String> login = WebLogin.post(running.url(), before, "careful", PASSWORD);
    assertThat(location(login)).isEqualTo("/access/tfa");
    WebLogin.Session half = session(login, before);
    assertThat(location(running.send("/resources", half))).isEqualTo("/access/tfa");
    assertThat(running.send("/api/v1/status", half).statusCode()).isEqualTo(401);
    HttpResponse<String> enrol = running.send("/access/tfa", half);
    assertThat(enrol.statusCode()).isEqualTo(200);
    assertThat(enrol.body()).contains("data-tfa-required").contains("<svg");
    byte[] secret = Totp.fromTyped(between(enrol.body(), "data-tfa-key>", "<"));
    half = new WebLogin.Session(half.cookie(), formToken(enrol.body()));

    // A wrong code enrols nothing; the app's code does, and shows the recovery codes once.
    assertThat(form("/access/tfa", half, "code=000000").statusCode()).isEqualTo(400);
    HttpResponse<String> enrolled =
        form("/access/tfa", half, "code=" + Totp.codeAt(secret, java.time.Instant.now()));
    assertThat(enrolled.statusCode()).isEqualTo(200);
    List<String> recovery = all(enrolled.body(), "data-recovery-code>([a-z0-9-]{11})<");
    assertThat(recovery).hasSize(10);
    WebLogin.Session full = session(enrolled, half);
    assertThat(full.cookie())
        .as("a new session id once the login is full")
        .isNotEqualTo(half.cookie());
    assertThat(running.send("/api/v1/status", full).statusCode()).isEqualTo(200);

    // Next login: the password leads to the code; replays, wrong codes and reuse are refused.
    WebLogin.Session again = WebLogin.anonymous(running.url());
    HttpResponse<String> second = WebLogin.post(running.url(), again, "careful", PASSWORD);
    assertThat(location(second)).isEqualTo("/login/tfa");
    WebLogin.Session pending = session(second, again);
    assertThat(location(running.send("/", pending))).isEqualTo("/login/tfa");
    HttpResponse<String> ask = running.send("/login/tfa", pending);
    pending = new WebLogin.Session(pending.cookie(), formToken(ask.body()));
    String used = Totp.codeAt(secret, java.time.Instant.now());
    assertThat(location(form("/login/tfa", pending, "code=" + used)))
        .as("the code that enrolled does not log in again")
        .isEqualTo("/login/tfa?error");
    assertThat(location(form("/login/tfa", pending, "code=999999"))).isEqualTo("/login/tfa?error");
    HttpResponse<String> byRecovery = form("/login/tfa", pending, "code=" + recovery.get(0));
    assertThat(byRecovery.statusCode()).isEqualTo(303);
    assertThat(location(byRecovery)).isEqualTo("/");
    WebLogin.Session in = session(byRecovery, pending);
    assertThat(running.send("/api/v1/status", in).statusCode()).isEqualTo(200);
    assertThat(running.send("/access/tfa", in).body()).contains("9</span> recovery codes left");

    // A third login: a recovery code works once; the app's next code works.
    WebLogin.Session third = WebLogin.anonymous(running.url());
    HttpResponse<String> thirdLogin = WebLogin.post(running.url(), third, "careful", PASSWORD);
    WebLogin.Session pending3 = session(thirdLogin, third);
    pending3 =
        new WebLogin.Session(
            pending3.cookie(), formToken(running.send("/login/tfa", pending3).body()));
    assertThat(location(form("/login/tfa", pending3, "code=" + recovery.get(0))))
        .isEqualTo("/login/tfa?error");
    String next = Totp.codeAt(secret, java.time.Instant.now().plusSeconds(30));
    assertThat(location(form("/login/tfa", pending3, "code=" + next))).isEqualTo("/");

    // Phone and recovery codes lost: only an Admin on /access may reset the factor.
    assertThat(form("/access/tfa/reset", sessions.get("auditor"), "user=careful@pdm").statusCode())
        .isEqualTo(403);
    HttpResponse<String> reset =
        form("/access/tfa/reset", sessions.get("admin"), "user=careful@pdm");
    assertThat(reset.statusCode()).isEqualTo(200);
    assertThat(reset.body()).contains("The second factor of careful@pdm is removed.");
    assertThat(
            location(
                WebLogin.post(
                    running.url(), WebLogin.anonymous(running.url()), "careful", PASSWORD)))
        .as("Git still requires one: enrol again")
        .isEqualTo("/access/tfa");

    running.app().getBean(AuditTrail.class).flush(Duration.ofSeconds(10));
    assertThat(running.json("/api/v1/audit?actor=careful").findValuesAsString("kind"))
        .contains("TFA_ENROLLED", "RECOVERY_USED", "TFA_FAILED");
    assertThat(running.json("/api/v1/audit?kind=tfa-removed").findValuesAsString("target"))
        .contains("careful@pdm");
  }

  static WebLogin.Session session(HttpResponse<String> answer, WebLogin.Session before) {
    return new WebLogin.Session(
        WebLogin.cookie(answer).orElse(before.cookie()), before.formToken());
  }

  static String formToken(String page) {
    java.util.regex.Matcher m = WebLogin.FORM_TOKEN.matcher(page);
    assertThat(m.find()).as("a form token in the page").isTrue();
    return m.group(1);
  }

  static String between(String text, String start, String end) {
    int from = text.indexOf(start);
    assertThat(from).as("%s in the page", start).isNotNegative();
    from += start.length();
    return text.substring(from, text.indexOf(end, from));
  }

  static List<String> all(String text, String regex) {
    List<String> out = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  @Order(9)
  void theAuditLogNamesLoginsRefusalsAndTokenUseButNoSecret() throws Exception {
    running.app().getBean(AuditTrail.class).flush(Duration.ofSeconds(10));
    JsonNode denied = running.json("/api/v1/audit?kind=denied&actor=viewer");
    assertThat(denied.findValuesAsString("target")).contains("GET /remotes/dc-east");
    // The viewer in person, and the personal token that acted for them.
    assertThat(denied.findValuesAsString("actor")).containsOnly("viewer@pdm", "viewer@pdm!laptop");
    assertThat(running.json("/api/v1/audit?kind=login-failed").findValuesAsString("actor"))
        .contains("east-auditor@pdm", "nobody-here@pdm");
    assertThat(running.json("/api/v1/audit?kind=login").findValuesAsString("actor"))
        .contains("admin@pdm", "viewer@pdm");
    assertThat(running.json("/api/v1/audit?kind=logout").findValuesAsString("actor"))
        .contains("viewer@pdm");
    JsonNode used = running.json("/api/v1/audit?kind=token-used");
    assertThat(used.findValuesAsString("actor"))
        .as("a token's use, once however often it calls")
        .containsOnlyOnce("robot@pdm!all");
    assertThat(running.json("/api/v1/audit?kind=token-refused").findValuesAsString("actor"))
        .contains("robot@pdm!all", "robot@pdm!gone", "malformed");
    String everything = running.text("/api/v1/audit?limit=1000");
    assertThat(everything)
        .doesNotContain(ALL)
        .doesNotContain(EAST)
        .doesNotContain(METRICS)
        .doesNotContain(PASSWORD);
    assertThat(running.text("/audit?kind=denied")).contains("GET /remotes/dc-east");
    assertThat(running.send("/api/v1/audit?kind=nonsense").statusCode()).isEqualTo(400);
  }

  @Test
  @Order(10)
  void noPasswordSecretOrHashAppearsInALogLinePageApiAnswerOrMetric() throws Exception {
    Map<String, String> secrets = new LinkedHashMap<>();
    running.demo().logins().forEach((user, pw) -> secrets.put("password of " + user, pw));
    secrets.put("test password", PASSWORD);
    secrets.put("directory user's password", TestDirectory.BOB_PASSWORD);
    secrets.put("second directory user's password", TestDirectory.CAROL_PASSWORD);
    secrets.put("directory reader's password", TestDirectory.READER_PASSWORD);
    running.demo().properties().entrySet().stream()
        .filter(e -> e.getKey().startsWith("pdm.secrets."))
        .forEach(e -> secrets.put(e.getKey(), String.valueOf(e.getValue())));
    for (String secret : List.of(ALL, EAST, METRICS, personalSecret)) {
      secrets.put("token secret " + secret.substring(0, 4), secret);
      secrets.put("token hash " + secret.substring(0, 4), TokenSecret.hash(secret));
    }
    // The password hashes in Git: the demo's and the test's.
    java.util.regex.Matcher hashes =
        java.util.regex.Pattern.compile("\\$argon2id\\$[^\"'\\s]+")
            .matcher(
                Files.readString(clone.resolve("access/test-users.yaml"))
                    + Files.readString(clone.resolve("access/users.yaml")));
    while (hashes.find()) {
      secrets.put("password hash " + hashes.group().substring(30, 38), hashes.group());
    }
    assertThat(secrets).hasSizeGreaterThanOrEqualTo(12);

    String sha = running.json("/api/v1/status").at("/lastGoodCommit/sha").asString();
    Map<String, String> seen = new LinkedHashMap<>();
    for (String path :
        List.of(
            "/",
            "/resources",
            "/remotes",
            "/drift",
            "/history",
            "/tasks",
            "/audit",
            "/access/tokens",
            "/api",
            "/source/" + sha + "/access/users.yaml",
            "/source/" + sha + "/access/test-users.yaml",
            "/api/v1/status",
            "/api/v1/resources?size=500",
            "/api/v1/drift",
            "/api/v1/remotes",
            "/api/v1/commits",
            "/api/v1/tasks",
            "/api/v1/audit?limit=1000",
            "/api/v1/openapi.json",
            "/metrics")) {
      HttpResponse<String> answer = running.send(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(200);
      seen.put(path, answer.body());
    }
    assertThat(seen.get("/source/" + sha + "/access/users.yaml"))
        .as("the users' file is shown, its hashes hidden")
        .contains("admin")
        .contains("(hidden)");
    running.app().getBean(AuditTrail.class).flush(Duration.ofSeconds(10));
    StringBuilder logText = new StringBuilder();
    for (ILoggingEvent event : List.copyOf(LOG.list)) {
      logText.append(event.getFormattedMessage()).append('\n');
      for (var t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        logText.append(t.getMessage()).append('\n');
      }
    }
    assertThat(LOG.list).as("log events were captured").isNotEmpty();
    seen.put("the log", logText.toString());

    List<String> leaks = new ArrayList<>();
    seen.forEach(
        (where, text) ->
            secrets.forEach(
                (what, secret) -> {
                  if (text.contains(secret)) {
                    leaks.add(what + " in " + where);
                  }
                }));
    assertThat(leaks).isEmpty();
  }

  static int post(String path, WebLogin.Session session, String form) throws Exception {
    return WebLogin.HTTP
        .send(
            HttpRequest.newBuilder(URI.create(running.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session.cookie())
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  static String location(HttpResponse<String> answer) {
    return answer.headers().firstValue("Location").orElse("(none: " + answer.statusCode() + ")");
  }
}
