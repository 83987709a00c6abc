package io.pdmgitops.controller.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code pdm-gitops.jar}: one subcommand per job. */
@Command(
    name = "pdm-gitops",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Proxmox VE and Backup Server fleets, managed the GitOps way.",
    subcommands = {ValidateCommand.class, SchemasCommand.class})
public final class PdmGitopsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and tests. */
  public static CommandLine newCommandLine() {
    return new CommandLine(new PdmGitopsCommand());
  }
}
