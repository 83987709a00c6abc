package io.pdmgitops.controller.cli;

import io.pdmgitops.webui.plan.PlanReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code plan}: asks a running controller what a branch, a commit or a local directory would change
 * against the live fleet, for CI (exit code) and merge requests ({@code --format markdown}).
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description =
        "Show what a ref or a directory would change against the live fleet, as a running"
            + " controller judges it.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no changes: Git and the fleet agree",
      "1:changes: objects change in Git, or actions would be sent",
      "2:error: invalid desired state (problems printed file:line:column), unknown ref,"
          + " controller unreachable or refusing"
    })
final class PlanCommand implements Callable<Integer> {
  static final int NO_CHANGES = 0;
  static final int CHANGES = 1;
  static final int ERROR = 2;

  /** A plan may fetch the ref first. */
  static final Duration TIMEOUT = Duration.ofMinutes(3);

  /** The controller reads no more; a larger directory is planned from a branch. */
  static final long MAX_BYTES = 16L * 1024 * 1024 - 64 * 1024;

  /** Output formats. */
  enum Format {
    text,
    json,
    markdown
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin ControllerOptions controller;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Candidate candidate;

  /** What to plan. */
  static final class Candidate {
    @Option(
        names = "--ref",
        paramLabel = "REF",
        description = "A branch, tag or commit id of the controller's desired-state repository.")
    String ref;

    @Option(
        names = "--dir",
        paramLabel = "DIR",
        description = "A local desired-state directory (its .yaml and .yml files are sent).")
    Path dir;
  }

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String body;
    if (candidate.ref != null) {
      body = ControllerClient.JSON.writeValueAsString(Map.of("ref", candidate.ref));
    } else {
      body = ControllerClient.JSON.writeValueAsString(Map.of("files", files(candidate.dir)));
    }
    ControllerClient.Answer answer =
        ControllerClient.of(controller).post("/api/v1/plan", Optional.of(body), TIMEOUT);
    if (answer.status() != 200 && answer.status() != 422) {
      err.println("pdm-gitops plan: " + answer.problem() + " (HTTP " + answer.status() + ")");
      err.flush();
      return ERROR;
    }
    PlanReport report = ControllerClient.JSON.readValue(answer.body(), PlanReport.class);
    switch (format) {
      case json ->
          out.println(
              ControllerClient.JSON
                  .writerWithDefaultPrettyPrinter()
                  .writeValueAsString(ControllerClient.JSON.readTree(answer.body())));
      case markdown -> out.print(PlanPrinter.markdown(report));
      default -> out.print(PlanPrinter.text(report));
    }
    out.flush();
    if (!report.valid()) {
      return ERROR;
    }
    return report.changes() ? CHANGES : NO_CHANGES;
  }

  /** The directory's YAML files by relative path; hidden files and directories are skipped. */
  static Map<String, String> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("not a directory: " + dir);
    }
    Map<String, String> files = new TreeMap<>();
    long bytes = 0;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file :
          walk.filter(Files::isRegularFile)
              .filter(p -> !hidden(dir.relativize(p)))
              .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .toList()) {
        bytes += Files.size(file);
        if (bytes > MAX_BYTES) {
          throw new IllegalArgumentException(
              dir + " holds more than 16 MiB of YAML: push it to a branch and plan --ref");
        }
        String relative =
            dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        files.put(relative, Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(dir + " holds no .yaml or .yml file");
    }
    return files;
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
