package io.pdmgitops.controller.cli;

import io.pdmgitops.webui.api.StatusView;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code status}: the fleet at a glance, as a running controller sees it. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show a running controller's status: commits, sync and health, conditions.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:shown", "2:the controller is unreachable or refused"})
final class StatusCommand implements Callable<Integer> {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** Output formats. */
  enum Format {
    text,
    json
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin ControllerOptions controller;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws IOException {
    ControllerClient.Answer answer = ControllerClient.of(controller).get("/api/v1/status", TIMEOUT);
    if (!answer.ok()) {
      return Remote.failed(spec, "status", answer);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(Remote.pretty(answer.body()));
    } else {
      out.print(text(ControllerClient.JSON.readValue(answer.body(), StatusView.class)));
    }
    out.flush();
    return 0;
  }

  static String text(StatusView status) {
    StringBuilder out = new StringBuilder();
    out.append(
        status.suspended()
            ? "Suspended: observing and reporting, sending nothing.\n"
            : "Reconciling.\n");
    status.lastGoodCommit().ifPresent(c -> out.append("In force: ").append(commit(c)).append('\n'));
    status
        .lastCommit()
        .filter(c -> !c.valid())
        .ifPresent(
            c -> {
              out.append("Refused:  ").append(commit(c)).append('\n');
              c.problems()
                  .forEach(
                      p ->
                          out.append("  ")
                              .append(p.file())
                              .append(':')
                              .append(p.line())
                              .append(':')
                              .append(p.column())
                              .append(": ")
                              .append(p.message())
                              .append('\n'));
            });
    out.append("Sync:     ").append(counts(status.sync())).append('\n');
    out.append("Health:   ").append(counts(status.health())).append('\n');
    status.observedAt().ifPresent(at -> out.append("Observed: ").append(at).append('\n'));
    for (StatusView.RemoteView remote : status.remotes()) {
      out.append("Remote ")
          .append(remote.name())
          .append(": ")
          .append(remote.health())
          .append(remote.message().isEmpty() ? "" : " - " + remote.message())
          .append('\n');
    }
    for (StatusView.ConditionView condition : status.conditions()) {
      out.append(condition.severity())
          .append(": ")
          .append(condition.subject())
          .append(": ")
          .append(condition.message())
          .append(" (since ")
          .append(condition.since())
          .append(")\n");
    }
    return out.toString();
  }

  private static String commit(StatusView.CommitView c) {
    return c.sha().substring(0, Math.min(12, c.sha().length()))
        + " "
        + c.message().lines().findFirst().orElse("")
        + " ("
        + c.author()
        + ", "
        + c.time()
        + ")";
  }

  private static String counts(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .map(
            e ->
                e.getKey().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                    + " "
                    + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
