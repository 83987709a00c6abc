package io.pdmgitops.controller.cli;

import io.pdmgitops.controller.loop.SuspendSwitch;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code suspend}: stop all actions fleet-wide, at once and across restarts; the controller keeps
 * observing and reporting drift. {@code resume} undoes it. With {@code --controller} (or {@code
 * PDM_GITOPS_CONTROLLER}) the running controller is asked over its API, with a token whose user has
 * Manage on {@code /}; otherwise the marker is written into the data directory on this host.
 */
@Command(
    name = "suspend",
    mixinStandardHelpOptions = true,
    description = "Suspend every action of the controller that uses this data directory.")
final class SuspendCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin DataDirOption data;

  @CommandLine.Mixin ControllerOptions controller;

  @Option(
      names = "--reason",
      defaultValue = "suspended by an operator",
      description = "Shown in the status API and the logs.")
  String reason;

  @Override
  public Integer call() throws Exception {
    if (controller.url != null && !controller.url.isBlank()) {
      ControllerClient.Answer answer =
          ControllerClient.of(controller)
              .post(
                  "/api/v1/suspend",
                  Optional.of(ControllerClient.JSON.writeValueAsString(Map.of("reason", reason))),
                  Remote.TIMEOUT);
      if (!answer.ok()) {
        return Remote.failed(spec, "suspend", answer);
      }
      spec.commandLine()
          .getOut()
          .println(ControllerClient.JSON.readTree(answer.body()).path("message").asString());
      return 0;
    }
    Path dataDir = data.dataDir.toAbsolutePath();
    if (!java.nio.file.Files.isDirectory(dataDir.resolve("git"))
        && !java.nio.file.Files.exists(dataDir.resolve("status.mv.db"))) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          dataDir
              + " holds no controller state (no git/ clone, no status database): give the"
              + " --data-dir the controller runs with");
    }
    SuspendSwitch suspend = new SuspendSwitch(dataDir);
    suspend.suspend(reason, Instant.now());
    spec.commandLine()
        .getOut()
        .println(
            "Suspended: no actions until 'pdm-gitops resume --data-dir "
                + dataDir
                + "' (marker "
                + suspend.marker()
                + ").");
    return 0;
  }
}
