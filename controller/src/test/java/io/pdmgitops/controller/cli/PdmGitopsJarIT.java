package io.pdmgitops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged {@code controller/target/pdm-gitops.jar} runs as the README says: a separate JVM,
 * the fixed file name, the exit code of {@code validate}.
 */
class PdmGitopsJarIT {
  private static final Path JAR = Path.of("target/pdm-gitops.jar");

  @Test
  void theJarValidatesTheDemoRepository() throws Exception {
    Result result = java("validate", "../examples/demo-repo");

    assertThat(result.exit()).isZero();
    assertThat(result.output()).contains("valid: 35 objects in 12 files");
  }

  @Test
  void theJarReportsAnInvalidRepositoryWithExitCodeOne() throws Exception {
    Result result =
        java("validate", "../model/src/test/resources/fixtures/invalid/envelope-unknown-kind");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.output()).contains("doc.yaml:2:7: error: unknown kind 'Remot'");
  }

  private record Result(int exit, String output) {}

  private static Result java(String... args) throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String[] command = new String[args.length + 3];
    command[0] = javaBin;
    command[1] = "-jar";
    command[2] = JAR.toString();
    System.arraycopy(args, 0, command, 3, args.length);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("pdm-gitops.jar did not finish within 60 s");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.exitValue(), output);
  }
}
