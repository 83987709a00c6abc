package io.pdmgitops.controller.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data-dir} of commands that act on a controller's data directory from outside. */
final class DataDirOption {
  @Option(
      names = "--data-dir",
      defaultValue = "${env:PDM_DATA_DIR:-pdm-gitops-data}",
      description =
          "The controller's data directory, as given to 'run' (default: $PDM_DATA_DIR, else"
              + " pdm-gitops-data).")
  Path dataDir;
}
