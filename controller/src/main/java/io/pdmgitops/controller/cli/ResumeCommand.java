package io.pdmgitops.controller.cli;

import io.pdmgitops.controller.loop.SuspendSwitch;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code resume}: lift an operator's suspend; the next cycle acts on the drift again. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = "Resume the actions of a suspended controller.")
final class ResumeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data-dir",
      defaultValue = "${env:PDM_DATA_DIR:-pdm-gitops-data}",
      description =
          "The controller's data directory, as given to 'run' (default: $PDM_DATA_DIR, else"
              + " pdm-gitops-data).")
  Path dataDir;

  @Override
  public Integer call() throws Exception {
    boolean was = new SuspendSwitch(dataDir).resume();
    spec.commandLine()
        .getOut()
        .println(was ? "Resumed: the next cycle acts on drift again." : "Was not suspended.");
    return 0;
  }
}
