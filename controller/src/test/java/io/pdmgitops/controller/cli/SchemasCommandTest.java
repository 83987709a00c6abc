package io.pdmgitops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.desired.Kind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemasCommandTest {
  @Test
  void writesTheSchemaOfEveryKindAsInSrcSchemas(@TempDir Path out) throws Exception {
    StringWriter printed = new StringWriter();
    var cli = PdmGitopsCommand.newCommandLine();
    cli.setOut(new PrintWriter(printed, true));

    int exit = cli.execute("schemas", out.resolve("schemas").toString());

    assertThat(exit).isZero();
    for (Kind kind : Kind.values()) {
      Path written = out.resolve("schemas").resolve(kind.schemaFile());
      assertThat(written).hasSameTextualContentAs(Path.of("../src-schemas", kind.schemaFile()));
      assertThat(printed.toString()).contains(written.toString());
    }
    assertThat(Files.list(out.resolve("schemas"))).hasSize(Kind.values().length);
  }
}
