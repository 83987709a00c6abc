package io.pdmgitops.controller.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pdmgitops.controller.loop.ShiftedClock;
import io.pdmgitops.controller.security.BootstrapCredential;
import io.pdmgitops.simulator.SimulatedFleet;
import io.pdmgitops.simulator.config.FleetConfigReader;
import io.pdmgitops.simulator.http.ApiRequest;
import io.pdmgitops.simulator.http.LoggedRequest;
import io.pdmgitops.simulator.http.RequestHook;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged controller is killed (SIGKILL: no shutdown hooks, no store close) at each of the
 * worst moments of one action, one after the other, and started again on the same data directory
 * each time: while the remote has the call but has not acted on it, right after the remote acted
 * but before its answer arrived, and while the controller follows the task. It is also stopped
 * gracefully (SIGTERM) mid-action. Whatever the moment, the simulator's request log shows the
 * shutdown acted on exactly once, and the guest ends as Git says.
 */
class ControllerRestartIT {
  static final Path JAR = Path.of("target/pdm-gitops.jar");

  /** Kept after the run: when this test fails, the controllers' output says why. */
  static final Path LOGS = Path.of("target/controller-restart-logs");

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Pattern API = Pattern.compile("API:\\s+(http://localhost:\\d+)/api/v1/status");
  static final String SHUTDOWN = "/nodes/pve1/qemu/100/status/shutdown";

  /** Long enough that no task ends by itself during the test: the test ends it by the clock. */
  static final Duration TASK = Duration.ofMinutes(10);

  static final String FLEET =
      """
      taskDuration: 10m
      clusters:
        - name: east
          certificate: sim-1
          nodes: [{name: pve1}]
          guests:
            - {vmid: 100, name: web, type: qemu, node: pve1, status: running}
          tokens: [{id: ctl@pve!ctl, secret: restart-secret, role: admin}]
      """;

  @TempDir Path upstream;
  @TempDir Path data;
  final ShiftedClock clock = new ShiftedClock();
  final AtomicReference<Process> controller = new AtomicReference<>();
  SimulatedFleet fleet;

  @AfterEach
  void stop() throws Exception {
    if (fleet != null) {
      fleet.hook("east", RequestHook.NONE);
    }
    Process running = controller.get();
    if (running != null) {
      running.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    if (fleet != null) {
      fleet.close();
    }
  }

  @Test
  void killedAtEachWorstMomentTheControllerActsExactlyOnce() throws Exception {
    startFleetAndCommit();

    // 1. The call is on the wire: the remote has it, has not acted, and its client dies.
    CountDownLatch received = killWhen(r -> isShutdown(r), true);
    launch("killed-1-before-acting");
    awaitLatch(received, "the first shutdown call");
    assertThat(actedShutdowns()).as(requestLog()).isEmpty();

    // 2. The remote acted (the task runs) and the controller dies before reading the answer.
    CountDownLatch acted = killWhen(r -> isShutdown(r), false);
    launch("killed-2-after-acting");
    awaitLatch(acted, "the shutdown call after the first restart");
    assertThat(actedShutdowns()).as(requestLog()).hasSize(1);

    // 3. The next start finds the task from its journal row and dies while following it.
    CountDownLatch following = killWhen(ControllerRestartIT::isShutdownTaskPoll, true);
    launch("killed-3-following");
    awaitLatch(following, "a status poll of the shutdown task");

    // 4. The task ends; the last start follows it to its end and sends nothing new.
    fleet.hook("east", RequestHook.NONE);
    clock.advance(TASK);
    String last = "killed-4-settles";
    launch(last);
    assertConverged(last);
  }

  @Test
  void aControllerStoppedGracefullyMidActionLeavesItToTheNextStart() throws Exception {
    startFleetAndCommit();
    String first = "stopped-first";
    launch(first);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> fleet.cluster("east").tasksStarted("qmshutdown", 100) == 1);
    Process running = controller.get();
    // A second controller on the same data directory refuses to start, and says why.
    Process intruder = start("stopped-second-controller");
    assertThat(intruder.waitFor(90, TimeUnit.SECONDS)).as("the second one gives up").isTrue();
    assertThat(intruder.exitValue()).isEqualTo(2);
    assertThat(Files.readString(LOGS.resolve("stopped-second-controller.log")))
        .contains("is in use by another controller on the same data directory");
    running.destroy(); // SIGTERM: Spring closes the loop, the queue, the clients, the store
    assertThat(running.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
    assertThat(Files.readString(LOGS.resolve(first + ".log")))
        .as("a graceful stop cuts the follow-up off; it records no failure")
        .doesNotContain("Guest/web: Failed")
        .doesNotContain("Guest/web: Retryable");

    clock.advance(TASK);
    String second = "stopped-second";
    launch(second);
    assertConverged(second);
  }

  static final String BACKUP_JOBS = "/cluster/backup";

  @Test
  void aBackupJobCreateKilledBeforeAndAfterItActedIsMadeExactlyOnce() throws Exception {
    Files.createDirectories(LOGS);
    fleet = SimulatedFleet.start(FleetConfigReader.parse(FLEET), clock);
    commit(
        """
        ---
        apiVersion: pdm-gitops/v1
        kind: BackupJob
        metadata: {name: nightly}
        spec: {remote: east, schedule: "21:30", storage: local, selection: {vmids: [100]}}
        """,
        "back up web nightly");

    // 1. The create is on the wire; the controller dies before the cluster acts on it.
    CountDownLatch received = killWhen(ControllerRestartIT::isJobCreate, true);
    launch("job-killed-1-before-acting");
    awaitLatch(received, "the first create of the job");
    assertThat(fleet.cluster("east").backupJobs()).as(requestLog()).isEmpty();

    // 2. The cluster wrote the job and the controller dies before reading the answer.
    CountDownLatch acted = killWhen(ControllerRestartIT::isJobCreate, false);
    launch("job-killed-2-after-acting");
    awaitLatch(acted, "the create after the first restart");
    assertThat(fleet.cluster("east").backupJobs()).containsOnlyKeys("nightly");

    // 3. The next start finds the job on the cluster from its journal row: nothing is resent.
    fleet.hook("east", RequestHook.NONE);
    String last = "job-settles";
    launch(last);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                Files.readString(LOGS.resolve(last + ".log"))
                    .contains("settled BackupJob/nightly"));
    await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> true);
    assertThat(
            fleet.requests("east").stream()
                .filter(r -> r.acted() && r.method().equals("POST") && r.path().equals(BACKUP_JOBS))
                .toList())
        .as("creates acted on: %s", requestLog())
        .hasSize(1);
    assertThat(fleet.cluster("east").backupJobs().get("nightly"))
        .containsEntry("schedule", "21:30")
        .containsEntry("vmid", "100");
    assertThat(Files.readString(LOGS.resolve(last + ".log")))
        .doesNotContain("already exists")
        .doesNotContain("restart-secret");
  }

  static boolean isJobCreate(ApiRequest request) {
    return request.method().equals("POST") && request.path().equals(BACKUP_JOBS);
  }

  void startFleetAndCommit() throws Exception {
    Files.createDirectories(LOGS);
    fleet = SimulatedFleet.start(FleetConfigReader.parse(FLEET), clock);
    commitStopWeb();
  }

  /**
   * From now on the first request that matches kills the running controller, before the remote acts
   * on it or after; the latch opens once the controller is dead.
   */
  CountDownLatch killWhen(Predicate<ApiRequest> match, boolean beforeActing) {
    CountDownLatch killed = new CountDownLatch(1);
    AtomicBoolean fired = new AtomicBoolean();
    Runnable kill =
        () -> {
          try {
            controller.get().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Thread.sleep(500); // the dead client's connection is seen closed by the server
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          killed.countDown();
        };
    fleet.hook(
        "east",
        new RequestHook() {
          @Override
          public void beforeHandling(ApiRequest request) {
            if (beforeActing && match.test(request) && fired.compareAndSet(false, true)) {
              kill.run();
            }
          }

          @Override
          public void afterHandling(ApiRequest request, int status) {
            if (!beforeActing && match.test(request) && fired.compareAndSet(false, true)) {
              kill.run();
            }
          }
        });
    return killed;
  }

  static boolean isShutdown(ApiRequest request) {
    return request.method().equals("POST") && request.path().equals(SHUTDOWN);
  }

  static boolean isShutdownTaskPoll(ApiRequest request) {
    String path = URLDecoder.decode(request.path(), StandardCharsets.UTF_8);
    return request.method().equals("GET")
        && path.contains(":qmshutdown:100:")
        && path.endsWith("/status");
  }

  void awaitLatch(CountDownLatch latch, String what) throws InterruptedException {
    assertThat(latch.await(90, TimeUnit.SECONDS))
        .as("killed at %s within 90 s; requests seen: %s", what, requestLog())
        .isTrue();
  }

  List<LoggedRequest> actedShutdowns() {
    return fleet.requests("east").stream()
        .filter(r -> r.acted() && r.method().equals("POST") && r.path().equals(SHUTDOWN))
        .toList();
  }

  /** Every call but the polls, for failure messages. */
  String requestLog() {
    return fleet.requests("east").stream()
        .filter(r -> !r.path().equals("/cluster/resources"))
        .map(LoggedRequest::toString)
        .collect(Collectors.joining("\n  ", "\n  ", ""));
  }

  /** The last controller follows the one task to its end; nothing is sent a second time. */
  void assertConverged(String name) throws Exception {
    String api = apiUrl(name);
    // The bootstrap login exists once the first commit is in force (users come from Git); the
    // port answers before that, and a login tried then fails.
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                Files.readString(LOGS.resolve(name + ".log"))
                    .matches("(?s).*(Bootstrap login: user|No Admin on / in Git yet).*"));
    WebLogin.Session session = bootstrapLogin(api);
    await()
        .atMost(Duration.ofSeconds(90))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              JsonNode action = web(api, session).get("lastAction");
              assertThat(action.get("state").asString()).isEqualTo("FINISHED");
              assertThat(action.get("exitStatus").asString()).isEqualTo("OK");
              assertThat(action.get("upid").asString()).contains(":qmshutdown:100:");
            });
    assertThat(fleet.cluster("east").guest(100).orElseThrow().status()).isEqualTo("stopped");
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> web(api, session).get("sync").asString().equals("SYNCED"));
    assertThat(actedShutdowns()).as("shutdown calls acted on: %s", requestLog()).hasSize(1);
    assertThat(fleet.cluster("east").tasksStarted("qmshutdown", 100)).isEqualTo(1);
    assertThat(Files.readString(LOGS.resolve(name + ".log")))
        .as("the last controller settled the journal entry an earlier one left")
        .contains("settled Guest/web")
        .doesNotContain("restart-secret");
  }

  void commitStopWeb() throws Exception {
    commit(
        """
        ---
        apiVersion: pdm-gitops/v1
        kind: Guest
        metadata: {name: web}
        spec: {remote: east, vmid: 100, type: qemu, name: web, power: stopped}
        """,
        "stop web");
  }

  /** The east Remote and these documents, as the first commit of the upstream repository. */
  void commit(String documents, String message) throws Exception {
    Files.writeString(
        upstream.resolve("east.yaml"),
        """
        apiVersion: pdm-gitops/v1
        kind: Remote
        metadata: {name: east}
        spec:
          type: pve
          endpoints: [{url: "%s", fingerprint: "%s"}]
          token: {id: ctl@pve!ctl, secret: {env: EAST_TOKEN}}
        """
                .formatted(fleet.endpoints("east").get(0), fleet.fingerprint("east"))
            + documents);
    try (Git git = Git.init().setDirectory(upstream.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage(message).setAuthor("Alice", "alice@corp.example").call();
    }
  }

  void launch(String name) throws Exception {
    controller.set(start(name));
  }

  Process start(String name) throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                javaBin,
                "-Xmx256m",
                "-jar",
                JAR.toString(),
                "run",
                "--data-dir",
                data.toString(),
                "--port",
                "0",
                "--http")
            .redirectErrorStream(true)
            .redirectOutput(LOGS.resolve(name + ".log").toFile());
    Map<String, String> env = builder.environment();
    env.put("EAST_TOKEN", "restart-secret");
    env.put(
        "SPRING_APPLICATION_JSON",
        JSON.writeValueAsString(
            Map.of(
                "pdm",
                Map.of(
                    "inventory-interval",
                    "1s",
                    "repository",
                    Map.of("url", upstream.toUri().toString(), "poll-interval", "2s")))));
    return builder.start();
  }

  String apiUrl(String name) {
    Path log = LOGS.resolve(name + ".log");
    return await()
        .atMost(Duration.ofSeconds(90))
        .ignoreExceptions()
        .until(
            () -> {
              Matcher m = API.matcher(Files.readString(log));
              return m.find() ? Optional.of(m.group(1)) : Optional.<String>empty();
            },
            Optional::isPresent)
        .orElseThrow();
  }

  /** The test's repository declares no users: the controller's one-time bootstrap login. */
  WebLogin.Session bootstrapLogin(String api) throws Exception {
    String password =
        Files.readAllLines(data.resolve(BootstrapCredential.FILE_NAME)).stream()
            .filter(line -> line.startsWith("password: "))
            .map(line -> line.substring("password: ".length()).strip())
            .findFirst()
            .orElseThrow();
    return WebLogin.login(api, BootstrapCredential.USER_ID, password);
  }

  static JsonNode web(String api, WebLogin.Session session) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(api + "/api/v1/drift"))
                    .header("Cookie", session.cookie())
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    for (JsonNode resource : JSON.readTree(response.body())) {
      if (resource.get("name").asString().equals("web")) {
        return resource;
      }
    }
    throw new AssertionError(
        "GET /api/v1/drift answered " + response.statusCode() + " without web: " + response.body());
  }
}
