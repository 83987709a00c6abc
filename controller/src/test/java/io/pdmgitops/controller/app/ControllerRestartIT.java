package io.pdmgitops.controller.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pdmgitops.simulator.SimulatedFleet;
import io.pdmgitops.simulator.config.FleetConfigReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged controller is stopped between sending an action and the end of its task, killed
 * (SIGKILL, no shutdown hooks) or stopped gracefully (SIGTERM), then started again on the same data
 * directory: it follows the task it finds in its journal and never sends the action a second time.
 */
class ControllerRestartIT {
  static final Path JAR = Path.of("target/pdm-gitops.jar");

  /** Kept after the run: when this test fails, the controllers' output says why. */
  static final Path LOGS = Path.of("target/controller-restart-logs");

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Pattern API = Pattern.compile("API:\\s+(http://localhost:\\d+)/api/v1/status");
  static final String FLEET =
      """
      taskDuration: 6s
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
  SimulatedFleet fleet;
  Process controller;

  @AfterEach
  void stop() throws Exception {
    if (controller != null) {
      controller.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    if (fleet != null) {
      fleet.close();
    }
  }

  @Test
  void aControllerKilledMidActionFollowsTheTaskAfterARestartAndNeverResends() throws Exception {
    stopMidActionAndRestart("killed", false);
  }

  @Test
  void aControllerStoppedGracefullyMidActionLeavesItToTheNextStart() throws Exception {
    stopMidActionAndRestart("stopped", true);
    assertThat(Files.readString(LOGS.resolve("stopped-first.log")))
        .as("a graceful stop cuts the follow-up off; it records no failure")
        .doesNotContain("Guest/web: Failed")
        .doesNotContain("Guest/web: Retryable");
  }

  void stopMidActionAndRestart(String name, boolean graceful) throws Exception {
    Files.createDirectories(LOGS);
    fleet = SimulatedFleet.start(FleetConfigReader.parse(FLEET));
    commitStopWeb();

    controller = launch(name + "-first");
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> fleet.cluster("east").tasksStarted("qmshutdown", 100) == 1);
    Thread.sleep(500); // the UPID is journaled right after the answer; either moment must be safe
    if (graceful) {
      controller.destroy(); // SIGTERM: Spring closes the loop, the queue, the clients, the store
      assertThat(controller.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
    } else {
      controller.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(fleet.cluster("east").guest(100).orElseThrow().status())
        .as("the task is still running when the controller stops")
        .isEqualTo("running");

    String second = name + "-second";
    controller = launch(second);
    String api = apiUrl(second);
    await()
        .atMost(Duration.ofSeconds(90))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              JsonNode action = web(api).get("lastAction");
              assertThat(action.get("state").asString()).isEqualTo("FINISHED");
              assertThat(action.get("exitStatus").asString()).isEqualTo("OK");
              assertThat(action.get("upid").asString()).contains(":qmshutdown:100:");
            });
    assertThat(fleet.cluster("east").guest(100).orElseThrow().status()).isEqualTo("stopped");
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> web(api).get("sync").asString().equals("SYNCED"));
    assertThat(fleet.cluster("east").tasksStarted("qmshutdown", 100)).isEqualTo(1);
    assertThat(Files.readString(LOGS.resolve(second + ".log")))
        .as("the second controller settled the journal entry the first one left")
        .contains("settled Guest/web")
        .doesNotContain("restart-secret");
  }

  void commitStopWeb() throws Exception {
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
        ---
        apiVersion: pdm-gitops/v1
        kind: Guest
        metadata: {name: web}
        spec: {remote: east, vmid: 100, type: qemu, name: web, power: stopped}
        """
            .formatted(fleet.endpoints("east").get(0), fleet.fingerprint("east")));
    try (Git git = Git.init().setDirectory(upstream.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("stop web").setAuthor("Alice", "alice@corp.example").call();
    }
  }

  Process launch(String name) throws Exception {
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

  static JsonNode web(String api) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(api + "/api/v1/drift"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    for (JsonNode resource : JSON.readTree(response.body())) {
      if (resource.get("name").asString().equals("web")) {
        return resource;
      }
    }
    throw new AssertionError("no resource web in " + response.body());
  }
}
