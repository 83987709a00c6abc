package io.pdmgitops.controller.cli;

import io.pdmgitops.webui.api.ResourceView;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code diff RESOURCE}: one declared resource's fields where the fleet differs from Git. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = "Show where one resource differs from Git, as a running controller sees it.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:in sync",
      "1:out of sync",
      "2:unknown resource, cannot tell (remote unreachable), or the controller refused"
    })
final class DiffCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin ControllerOptions controller;

  @Parameters(
      index = "0",
      paramLabel = "RESOURCE",
      description = "Kind/name as in Git (Guest/web-01, Remote/dc-east), or a name only one has.")
  String resource;

  @Override
  public Integer call() throws IOException {
    ResourceView r = Remote.resource(ControllerClient.of(controller), resource);
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        r.kind()
            + "/"
            + r.name()
            + ": "
            + r.sync()
            + ", "
            + r.health()
            + " (policy "
            + r.policy().toLowerCase(java.util.Locale.ROOT)
            + ")"
            + (r.message().isEmpty() ? "" : ": " + r.message()));
    for (ResourceView.DriftView d : r.drifts()) {
      out.println("  " + d.field() + ":");
      out.println("    - " + d.desired() + "   (Git)");
      out.println("    + " + d.observed() + "   (observed)");
    }
    r.failure()
        .ifPresent(
            f ->
                out.println(
                    "  held: "
                        + f.action()
                        + (f.permanent() ? " failed for good: " : " failed, retried later: ")
                        + f.lastError()));
    out.flush();
    return switch (r.sync()) {
      case "SYNCED" -> 0;
      case "OUT_OF_SYNC" -> 1;
      default -> PdmGitopsCommand.CANNOT;
    };
  }
}
