package io.pdmgitops.controller.cli;

import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.server.PortInUseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code pdm-gitops.jar}: one subcommand per job. */
@Command(
    name = "pdm-gitops",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Proxmox VE and Backup Server fleets, managed the GitOps way.",
    subcommands = {
      RunCommand.class,
      ValidateCommand.class,
      SchemasCommand.class,
      SuspendCommand.class,
      ResumeCommand.class,
      HashPasswordCommand.class,
      NewTokenCommand.class,
      PlanCommand.class,
      StatusCommand.class,
      DiffCommand.class,
      SyncCommand.class
    })
public final class PdmGitopsCommand implements java.util.concurrent.Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--demo", description = "Same as 'run --demo'.")
  boolean demo;

  @Override
  public Integer call() {
    if (demo) {
      return spec.commandLine().getSubcommands().get("run").execute("--demo");
    }
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and tests. */
  public static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new PdmGitopsCommand());
    commandLine.setExecutionExceptionHandler(PdmGitopsCommand::failed);
    return commandLine;
  }

  /** H2's DATABASE_ALREADY_OPEN_1: another process holds the store's file lock. */
  static final int H2_DATABASE_ALREADY_OPEN = 90020;

  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

  /** Exit code of a command that could not do its job for a reason the operator can fix. */
  static final int CANNOT = 2;

  /**
   * A missing file, a bad setting, a port in use, a refused start: one line that says why, as every
   * other message of the tool, instead of a stack trace. Anything else, or an error without a
   * message, is a bug and keeps its stack.
   */
  private static int failed(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed)
      throws Exception {
    Optional<String> why = reason(e);
    if (why.isEmpty()) {
      throw e;
    }
    commandLine.getErr().println("pdm-gitops: " + why.get());
    return CANNOT;
  }

  static Optional<String> reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PortInUseException port) {
        return Optional.of(
            "port "
                + port.getPort()
                + " is already in use: stop what listens there, or pick"
                + " another with --port");
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
        Matcher file = QUOTED.matcher(String.valueOf(sql.getMessage()));
        return Optional.of(
            "the status store "
                + (file.find() ? file.group(1) + " " : "")
                + "is in use by another controller on the same data directory: stop that one,"
                + " or give this one its own --data-dir");
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FileSystemException file) {
        // Its message is often just the path: say what happened to it.
        return Optional.of(
            file.getFile()
                + ": "
                + (file.getReason() != null ? file.getReason() : file.getClass().getSimpleName()));
      }
      if ((t instanceof java.io.IOException
              || t instanceof IllegalStateException
              || t instanceof IllegalArgumentException)
          && t.getMessage() != null) {
        return Optional.of(t.getMessage());
      }
    }
    return Optional.empty();
  }
}
