package io.pdmgitops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pdmgitops.controller.security.PasswordHashing;
import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.User;
import io.pdmgitops.model.load.DesiredStateLoader;
import io.pdmgitops.model.load.LoadResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's logins: random passwords whose argon2id hashes are in the seeded repository (which
 * still validates), kept owner-only in the data directory and the same after a restart.
 */
class DemoEnvironmentTest {
  static final Path EXAMPLES = Path.of("../examples");

  @TempDir Path data;
  @TempDir Path clone;

  @Test
  void theSeededRepositoryValidatesAndHoldsTheHashOfEachPrintedPassword() throws Exception {
    Map<String, String> logins;
    try (DemoAccess demo = DemoAccess.start(EXAMPLES, data)) {
      logins = demo.logins();
      Git.cloneRepository()
          .setURI(demo.repository().toUri().toString())
          .setDirectory(clone.toFile())
          .call()
          .close();
    }

    LoadResult seeded = new DesiredStateLoader().load(clone);

    assertThat(logins).containsOnlyKeys("admin@pdm", "operator@pdm", "auditor@pdm");
    assertThat(logins.values())
        .allMatch(p -> p.matches("[A-Za-z0-9_-]{24}"))
        .doesNotHaveDuplicates();
    assertThat(seeded.isValid()).as("%s", seeded.problems()).isTrue();
    DesiredState state = seeded.state().orElseThrow();
    logins.forEach(
        (user, password) -> {
          User declared =
              state.users().stream()
                  .filter(u -> u.identity().equals(user))
                  .findFirst()
                  .orElseThrow();
          assertThat(
                  PasswordHashing.matches(
                      password.toCharArray(), declared.spec().passwordHash().orElseThrow()))
              .as(user)
              .isTrue();
        });
    assertThat(Files.readString(clone.resolve(DemoEnvironment.USERS)))
        .doesNotContain(DemoLogins.PLACEHOLDER)
        .doesNotContain(logins.get("admin@pdm"));
  }

  @Test
  void theLoginsAreKeptOwnerOnlyAndARestartPrintsTheSameOnes() throws Exception {
    Map<String, String> first;
    try (DemoAccess demo = DemoAccess.start(EXAMPLES, data)) {
      first = demo.logins();
    }
    Path file = data.resolve(DemoLogins.FILE_NAME);

    StringWriter printed = new StringWriter();
    Map<String, String> again;
    try (DemoAccess demo = DemoAccess.start(EXAMPLES, data)) {
      again = demo.logins();
      demo.printLogins(new PrintWriter(printed, true));
    }

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(again).isEqualTo(first);
    assertThat(printed.toString()).contains("demo credentials").contains(file.toString());
    first.forEach(
        (user, password) -> assertThat(printed.toString()).contains(user).contains(password));
  }

  @Test
  void theExampleRepositoryKeepsItsPlaceholderAndNoHash() throws IOException {
    String users = Files.readString(EXAMPLES.resolve("demo-repo").resolve(DemoEnvironment.USERS));

    assertThat(users).contains(DemoLogins.PLACEHOLDER);
    assertThat(users.lines()).noneMatch(line -> line.strip().startsWith("passwordHash:"));
  }

  @Test
  void aUsersFileWithoutThePlaceholderOfADemoUserIsRefused() throws IOException {
    Path users = data.resolve("users.yaml");
    Files.writeString(
        users,
        "kind: User\nmetadata:\n  name: admin\nspec:\n  realm: pdm\n  "
            + DemoLogins.PLACEHOLDER
            + "\n");

    assertThatThrownBy(() -> DemoLogins.generate().writeHashes(users))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("operator@pdm")
        .hasMessageNotContaining("admin@pdm,");
  }

  @Test
  void toStringHidesThePasswords() {
    DemoLogins logins = DemoLogins.generate();

    assertThat(logins.toString()).contains("admin@pdm");
    assertThat(logins.passwords().values()).noneMatch(logins.toString()::contains);
  }
}
