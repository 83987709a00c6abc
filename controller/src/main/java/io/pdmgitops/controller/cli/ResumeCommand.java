package io.pdmgitops.controller.cli;

import io.pdmgitops.controller.loop.SuspendSwitch;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code resume}: lift an operator's suspend; the next cycle acts on the drift again. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = "Resume the actions of a suspended controller.")
final class ResumeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin DataDirOption data;

  @Override
  public Integer call() throws Exception {
    boolean was = new SuspendSwitch(data.dataDir).resume();
    spec.commandLine()
        .getOut()
        .println(was ? "Resumed: the next cycle acts on drift again." : "Was not suspended.");
    return 0;
  }
}
