package io.pdmgitops.controller.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulated fleet in a JVM of its own, so what a benchmark measures of this JVM (CPU, heap) is
 * the controller's alone.
 */
final class SimulatorProcess implements AutoCloseable {
  static final Pattern REMOTE_LINE =
      Pattern.compile("^(gen-\\d+) \\[(https://[^\\]]+)\\] fingerprint (\\S+)$", Pattern.MULTILINE);
  static final Pattern ADMIN_LINE = Pattern.compile("^admin (http://\\S+)$", Pattern.MULTILINE);

  final Process process;

  /** Generated remote name to {first endpoint, fingerprint}. */
  final Map<String, String[]> remotes;

  /** The admin API's list of remotes ({@code .../admin/remotes}). */
  final String admin;

  private SimulatorProcess(Process process, Map<String, String[]> remotes, String admin) {
    this.process = process;
    this.remotes = remotes;
    this.admin = admin;
  }

  /**
   * @param pinned simulator on core 1, this JVM on core 0 (Linux taskset)
   */
  static SimulatorProcess start(Path dir, String fleetYaml, int expectedRemotes, boolean pinned)
      throws Exception {
    Path fleet = Files.writeString(dir.resolve("fleet.yaml"), fleetYaml);
    Path log = dir.resolve("simulator.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    if (pinned) {
      command.addAll(List.of("taskset", "-c", "1"));
      new ProcessBuilder(
              "taskset", "-a", "-p", "-c", "0", String.valueOf(ProcessHandle.current().pid()))
          .inheritIO()
          .start()
          .waitFor(30, TimeUnit.SECONDS);
    }
    command.addAll(
        List.of(
            java,
            "-Xmx3g",
            "-cp",
            System.getProperty("java.class.path"),
            "io.pdmgitops.simulator.SimulatorMain",
            "--fleet",
            fleet.toString()));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile()) // a full pipe would block the simulator
            .start();
    Map<String, String[]> remotes = new LinkedHashMap<>();
    String[] admin = {null};
    FleetSweepBenchmark.waitFor(
        () -> {
          String text = Files.readString(log);
          Matcher m = REMOTE_LINE.matcher(text);
          remotes.clear();
          while (m.find()) {
            remotes.put(m.group(1), new String[] {m.group(2).split(", ")[0], m.group(3)});
          }
          Matcher a = ADMIN_LINE.matcher(text);
          admin[0] = a.find() ? a.group(1) : null;
          return (remotes.size() == expectedRemotes && admin[0] != null) || !process.isAlive();
        },
        Duration.ofMinutes(3));
    assertThat(process.isAlive()).as(Files.readString(log)).isTrue();
    return new SimulatorProcess(process, remotes, admin[0]);
  }

  /** The simulator's CPU time so far, nanoseconds. */
  long cpuNanos() {
    return process.toHandle().info().totalCpuDuration().orElseThrow().toNanos();
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    process.waitFor(30, TimeUnit.SECONDS);
  }
}
