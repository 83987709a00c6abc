package io.pdmgitops.controller.cli;

import picocli.CommandLine;

/** The version from the jar manifest, or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = PdmGitopsCommand.class.getPackage().getImplementationVersion();
    return new String[] {"pdm-gitops " + (version == null ? "development" : version)};
  }
}
