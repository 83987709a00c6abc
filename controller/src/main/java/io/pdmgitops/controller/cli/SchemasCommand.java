package io.pdmgitops.controller.cli;

import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.load.SchemaCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code schemas DIR}: writes the JSON Schemas the jar validates with, so editors can point their
 * {@code # yaml-language-server: $schema=...} line at exactly the controller's version.
 */
@Command(
    name = "schemas",
    mixinStandardHelpOptions = true,
    description = "Write the JSON Schema of every kind into a directory, for editors and CI.")
final class SchemasCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "Directory to write into.")
  Path directory;

  @Override
  public Integer call() throws IOException {
    Files.createDirectories(directory);
    for (Kind kind : Kind.values()) {
      String resource = SchemaCatalog.RESOURCE_DIR + kind.schemaFile();
      try (InputStream in = SchemasCommand.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IOException("schema " + resource + " is missing from the jar");
        }
        Files.copy(in, directory.resolve(kind.schemaFile()), StandardCopyOption.REPLACE_EXISTING);
      }
      spec.commandLine().getOut().println(directory.resolve(kind.schemaFile()));
    }
    return 0;
  }
}
