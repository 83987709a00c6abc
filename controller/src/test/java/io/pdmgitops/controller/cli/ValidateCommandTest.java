package io.pdmgitops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ValidateCommandTest {
  static final String DEMO = "../examples/demo-repo";
  static final String FIXTURES = "../model/src/test/resources/fixtures/";

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void theDemoRepositoryIsValid() {
    int exit = run("validate", DEMO);

    assertThat(exit).isZero();
    assertThat(out.toString().strip())
        .isEqualTo(DEMO + ": valid: 45 objects in 15 files, 0 warnings");
  }

  @Test
  void anInvalidRepositoryPrintsCompilerStyleProblemsAndExitsOne() {
    String dir = FIXTURES + "invalid/guest-unknown-remote";

    int exit = run("validate", dir);

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString().lines())
        .containsExactly(
            dir + "/guest.yaml:6:11: error: Guest/web-01: spec.remote: no Remote named 'dc-eats'",
            "    hint: did you mean 'dc-east'?",
            dir + ": invalid: 1 error, 0 warnings in 2 files");
  }

  @Test
  void warningsAloneKeepTheExitCodeZero() {
    int exit = run("validate", FIXTURES + "valid/warnings-only");

    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains(": warning: ")
        .contains("valid: 5 objects in 4 files, 3 warnings");
  }

  @Test
  void jsonFormatCarriesTheSameProblems() {
    String dir = FIXTURES + "invalid/remote-plaintext-secret";

    int exit = run("validate", "--format", "json", dir);

    assertThat(exit).isEqualTo(1);
    JsonNode report = JsonMapper.builder().build().readTree(out.toString());
    assertThat(report.get("valid").asBoolean()).isFalse();
    assertThat(report.get("errors").asInt()).isEqualTo(1);
    JsonNode problem = report.get("problems").get(0);
    assertThat(problem.get("file").asString()).isEqualTo(dir + "/remote.yaml");
    assertThat(problem.get("line").asInt()).isEqualTo(11);
    assertThat(problem.get("column").asInt()).isEqualTo(13);
    assertThat(problem.get("severity").asString()).isEqualTo("error");
    assertThat(problem.get("object").asString()).isEqualTo("Remote/dc-east");
    assertThat(problem.get("field").asString()).isEqualTo("spec.token.secret");
    assertThat(problem.get("hint").asString()).contains("{env: VARIABLE_NAME}");
    assertThat(out.toString()).doesNotContain("c0ffee00");
  }

  @Test
  void aMissingDirectoryIsAUsageError(@TempDir Path tmp) {
    int exit = run("validate", tmp.resolve("nope").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("not a directory");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void anUnreadableFileIsAUsageError(@TempDir Path tmp) throws Exception {
    Process mkfifo = new ProcessBuilder("mkfifo", tmp.resolve("pipe.yaml").toString()).start();
    assertThat(mkfifo.waitFor()).isZero();

    int exit = run("validate", tmp.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(out.toString()).contains("pipe.yaml:1:1: error: not a regular file");
  }

  @Test
  void aSymbolicLinkIsAnErrorWithItsPathAndExitsOne(@TempDir Path tmp) throws Exception {
    Path outside = Files.writeString(tmp.resolve("outside.yaml"), "secret: not in the repo\n");
    Path repo = Files.createDirectory(tmp.resolve("repo"));
    Files.createSymbolicLink(repo.resolve("link.yaml"), outside);

    int exit = run("validate", repo.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString().lines())
        .containsExactly(
            repo + "/link.yaml:1:1: error: symbolic link not followed",
            "    hint: commit the file itself; links may point outside the repository",
            repo + ": invalid: 1 error, 0 warnings in 0 files");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aDirectoryNamedThroughALinkIsValidated(@TempDir Path tmp) throws Exception {
    Path link = Files.createSymbolicLink(tmp.resolve("demo"), Path.of(DEMO).toAbsolutePath());

    int exit = run("validate", link.toString());

    assertThat(exit).isZero();
    assertThat(out.toString().strip())
        .isEqualTo(link + ": valid: 45 objects in 15 files, 0 warnings");
  }

  @Test
  void missingArgumentsAndUnknownFormatsAreUsageErrors() {
    assertThat(run("validate")).isEqualTo(2);
    assertThat(run("validate", "--format", "xml", DEMO)).isEqualTo(2);
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required parameter: 'DIR'").contains("xml");
  }

  private int run(String... args) {
    CommandLine cli = PdmGitopsCommand.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
