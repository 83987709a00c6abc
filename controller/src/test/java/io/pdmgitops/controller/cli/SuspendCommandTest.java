package io.pdmgitops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.controller.loop.SuspendSwitch;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuspendCommandTest {
  @TempDir Path data;

  int run(StringWriter out, String... args) {
    var cli = PdmGitopsCommand.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    return cli.execute(args);
  }

  @Test
  void suspendWritesTheMarkerWithItsReasonAndResumeRemovesIt() throws Exception {
    java.nio.file.Files.createDirectories(data.resolve("git")); // a controller's data directory
    StringWriter out = new StringWriter();

    assertThat(
            run(out, "suspend", "--data-dir", data.toString(), "--reason", "storage maintenance"))
        .isZero();
    SuspendSwitch suspend = new SuspendSwitch(data);
    assertThat(suspend.isOn()).isTrue();
    assertThat(suspend.reason())
        .hasValueSatisfying(r -> assertThat(r).endsWith("storage maintenance"));
    assertThat(out.toString()).contains("Suspended").contains("resume --data-dir " + data);

    assertThat(run(out, "resume", "--data-dir", data.toString())).isZero();
    assertThat(suspend.isOn()).isFalse();
    assertThat(out.toString()).contains("Resumed");
    assertThat(run(out, "resume", "--data-dir", data.toString())).isZero();
    assertThat(out.toString()).contains("Was not suspended.");
  }

  @Test
  void aDirectoryWithoutControllerStateIsRefusedSoNobodyThinksTheyStoppedIt() {
    StringWriter out = new StringWriter();
    var cli = PdmGitopsCommand.newCommandLine();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    int exit = cli.execute("suspend", "--data-dir", data.resolve("typo").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("holds no controller state");
    assertThat(new SuspendSwitch(data.resolve("typo")).isOn()).isFalse();
  }
}
