package io.pdmgitops.controller.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapCredentialTest {
  @TempDir Path dataDir;

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @Test
  void aFirstStartWithoutAdminCreatesItOwnerOnlyAndPrintsThePasswordOnce() throws IOException {
    Optional<BootstrapCredential> credential = BootstrapCredential.ensure(dataDir, false, out);

    Path file = dataDir.resolve(BootstrapCredential.FILE_NAME);
    String password = passwordIn(file);
    assertThat(credential).isPresent();
    assertThat(credential.get().userId()).isEqualTo("bootstrap@pdm");
    assertThat(password).hasSize(24).matches("[A-Za-z0-9_-]+");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("bootstrap@pdm")
        .containsOnlyOnce(password);
    assertThat(credential.get().matches(password.toCharArray())).isTrue();
    assertThat(Files.exists(dataDir.resolve(BootstrapCredential.FILE_NAME + ".tmp"))).isFalse();
  }

  @Test
  void aRestartReusesTheFileAndDoesNotPrintThePasswordAgain() throws IOException {
    BootstrapCredential.ensure(dataDir, false, out);
    Path file = dataDir.resolve(BootstrapCredential.FILE_NAME);
    String password = passwordIn(file);
    printed.reset();

    Optional<BootstrapCredential> again = BootstrapCredential.ensure(dataDir, false, out);

    assertThat(passwordIn(file)).isEqualTo(password);
    assertThat(again.orElseThrow().matches(password.toCharArray())).isTrue();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains(file.toString())
        .doesNotContain(password);
  }

  @Test
  void aReusedFileIsMadeOwnerOnlyAgain() throws IOException {
    BootstrapCredential.ensure(dataDir, false, out);
    Path file = dataDir.resolve(BootstrapCredential.FILE_NAME);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    BootstrapCredential.ensure(dataDir, false, out);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void anAdminInGitRemovesTheCredential() throws IOException {
    BootstrapCredential.ensure(dataDir, false, out);

    Optional<BootstrapCredential> after = BootstrapCredential.ensure(dataDir, true, out);

    assertThat(after).isEmpty();
    assertThat(dataDir.resolve(BootstrapCredential.FILE_NAME)).doesNotExist();
  }

  @Test
  void withAnAdminInGitNoneIsEverCreated() throws IOException {
    Optional<BootstrapCredential> credential = BootstrapCredential.ensure(dataDir, true, out);

    assertThat(credential).isEmpty();
    assertThat(dataDir.resolve(BootstrapCredential.FILE_NAME)).doesNotExist();
    assertThat(printed.size()).isZero();
  }

  @Test
  void aWrongPasswordIsRefused() throws IOException {
    BootstrapCredential credential = BootstrapCredential.ensure(dataDir, false, out).orElseThrow();
    String password = passwordIn(dataDir.resolve(BootstrapCredential.FILE_NAME));

    assertThat(credential.matches((password + "x").toCharArray())).isFalse();
    assertThat(credential.matches(password.substring(1).toCharArray())).isFalse();
    assertThat(credential.matches(new char[0])).isFalse();
  }

  @Test
  void eachDataDirectoryGetsItsOwnPassword(@TempDir Path other) throws IOException {
    BootstrapCredential.ensure(dataDir, false, out);
    BootstrapCredential.ensure(other, false, out);

    assertThat(passwordIn(dataDir.resolve(BootstrapCredential.FILE_NAME)))
        .isNotEqualTo(passwordIn(other.resolve(BootstrapCredential.FILE_NAME)));
  }

  @Test
  void toStringHidesThePassword() throws IOException {
    BootstrapCredential credential = BootstrapCredential.ensure(dataDir, false, out).orElseThrow();
    String password = passwordIn(dataDir.resolve(BootstrapCredential.FILE_NAME));

    assertThat(credential.toString()).contains("bootstrap@pdm").doesNotContain(password);
  }

  private static String passwordIn(Path file) throws IOException {
    return Files.readAllLines(file).stream()
        .filter(l -> l.startsWith("password: "))
        .map(l -> l.substring("password: ".length()))
        .findFirst()
        .orElseThrow();
  }
}
