package io.pdmgitops.controller.cli;

import io.pdmgitops.model.load.DesiredStateLoader;
import io.pdmgitops.model.load.LoadResult;
import io.pdmgitops.model.load.Problem;
import io.pdmgitops.model.load.ProblemFormatter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code validate DIR}: checks a desired-state directory the way the controller will, without
 * touching any remote. Exit 0 valid, 1 invalid, 2 usage error or unreadable input.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Validate a desired-state directory: syntax, schemas and references.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:valid (warnings allowed)",
      "1:invalid: the controller would refuse this state",
      "2:usage error, missing directory or unreadable file"
    })
final class ValidateCommand implements Callable<Integer> {
  static final int VALID = 0;
  static final int INVALID = 1;
  static final int USAGE = 2;

  /** Output formats. */
  enum Format {
    text,
    json
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "Directory with the YAML documents.")
  Path directory;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.isDirectory(directory)) {
      spec.commandLine().getErr().println("pdm-gitops validate: not a directory: " + directory);
      return USAGE;
    }
    LoadResult result = new DesiredStateLoader().load(directory);
    if (format == Format.json) {
      out.println(JsonReport.render(directory.toString(), result));
    } else {
      printText(out, result);
    }
    out.flush();
    return exitCode(result);
  }

  /**
   * Decided on what the summary line says: it reads "valid" exactly when the exit code is 0, so the
   * words and the code cannot disagree (a warning about a file once made "valid" exit 2).
   */
  static int exitCode(LoadResult result) {
    if (result.isValid()) {
      return VALID;
    }
    return result.hasUnreadableFiles() ? USAGE : INVALID;
  }

  private void printText(PrintWriter out, LoadResult result) {
    String prefix = prefix(directory.toString());
    for (Problem problem : result.problems()) {
      out.println(ProblemFormatter.format(problem, prefix));
    }
    if (result.omittedProblems() > 0) {
      out.println("... and " + result.omittedProblems() + " more errors not shown");
    }
    out.println(summary(directory.toString(), result));
  }

  static String summary(String directory, LoadResult result) {
    String counts =
        plural(result.errorCount(), "error") + ", " + plural(result.warningCount(), "warning");
    String files = plural(result.files(), "file");
    if (result.isValid()) {
      return directory
          + ": valid: "
          + plural(result.state().orElseThrow().size(), "object")
          + " in "
          + files
          + ", "
          + plural(result.warningCount(), "warning");
    }
    return directory + ": invalid: " + counts + " in " + files;
  }

  static String prefix(String directory) {
    if (directory.equals(".") || directory.isEmpty()) {
      return "";
    }
    return directory.endsWith("/") ? directory : directory + "/";
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
