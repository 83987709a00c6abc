package io.pdmgitops.controller.cli;

import io.pdmgitops.controller.loop.SuspendSwitch;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code resume}: lift an operator's suspend; the next cycle acts on the drift again. With {@code
 * --controller} the running controller is asked over its API, as {@code suspend} does.
 */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = "Resume the actions of a suspended controller.")
final class ResumeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin DataDirOption data;

  @CommandLine.Mixin ControllerOptions controller;

  @Override
  public Integer call() throws Exception {
    if (controller.url != null && !controller.url.isBlank()) {
      ControllerClient.Answer answer =
          ControllerClient.of(controller)
              .post("/api/v1/resume", java.util.Optional.empty(), Remote.TIMEOUT);
      if (!answer.ok()) {
        return Remote.failed(spec, "resume", answer);
      }
      spec.commandLine()
          .getOut()
          .println(ControllerClient.JSON.readTree(answer.body()).path("message").asString());
      return 0;
    }
    boolean was = new SuspendSwitch(data.dataDir).resume();
    spec.commandLine()
        .getOut()
        .println(was ? "Resumed: the next cycle acts on drift again." : "Was not suspended.");
    return 0;
  }
}
