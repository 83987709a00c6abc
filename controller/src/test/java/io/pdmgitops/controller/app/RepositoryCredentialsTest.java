package io.pdmgitops.controller.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pdm.repository.* credentials become Git source settings, or a clear error at start. */
class RepositoryCredentialsTest {
  @TempDir Path dir;

  static ControllerProperties.Repository repo(
      String tokenEnv, Path tokenFile, Path key, Path knownHosts) {
    return new ControllerProperties.Repository(
        "https://git.example/fleet.git",
        "main",
        Optional.of("fleet"),
        Duration.ofSeconds(60),
        tokenEnv,
        tokenFile,
        key,
        knownHosts,
        null,
        null);
  }

  @Test
  void aTokenFileIsReadAndNeverPrinted() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "glpat-from-file\n");

    var settings = LoopConfiguration.gitSettings(repo(null, token, null, null), dir.resolve("git"));

    assertThat(settings.httpsToken().orElseThrow().read()).isEqualTo("glpat-from-file");
    assertThat(settings.subdirectory()).contains("fleet");
    assertThat(settings.toString()).doesNotContain("glpat-from-file");
  }

  @Test
  void aRotatedTokenFileIsReadAtTheNextFetchAndAVanishedOneIsAClearFetchError() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "glpat-old\n");
    var settings = LoopConfiguration.gitSettings(repo(null, token, null, null), dir.resolve("git"));

    Files.writeString(token, "glpat-new\n");
    assertThat(settings.httpsToken().orElseThrow().read()).isEqualTo("glpat-new");

    Files.delete(token);
    assertThatThrownBy(() -> settings.httpsToken().orElseThrow().read())
        .isInstanceOf(io.pdmgitops.controller.git.GitSourceException.class)
        .hasMessageContaining("the repository token")
        .hasMessageContaining(token.toString())
        .hasMessageNotContaining("glpat");
  }

  @Test
  void aTokenFileMissingAtStartStopsTheStart() {
    assertThatThrownBy(
            () ->
                LoopConfiguration.gitSettings(
                    repo(null, dir.resolve("no-such-token"), null, null), dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("pdm.repository.token-env or token-file")
        .hasMessageContaining("no-such-token");
  }

  @Test
  void aMissingTokenVariableStopsTheStartWithTheSettingsName() {
    assertThatThrownBy(
            () ->
                LoopConfiguration.gitSettings(
                    repo("PDM_TEST_NO_SUCH_VARIABLE", null, null, null), dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("pdm.repository.token-env")
        .hasMessageContaining("PDM_TEST_NO_SUCH_VARIABLE is not set");
  }

  @Test
  void anSshKeyWithoutKnownHostsIsRefused() {
    assertThatThrownBy(
            () -> LoopConfiguration.gitSettings(repo(null, null, dir.resolve("id"), null), dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("pdm.repository.known-hosts-file");
  }

  @Test
  void aTokenIsNeverSentOverPlainHttp() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "glpat-secret");
    var plain =
        new ControllerProperties.Repository(
            "http://git.example/fleet.git",
            "main",
            Optional.empty(),
            Duration.ofSeconds(60),
            null,
            token,
            null,
            null,
            null,
            null);

    assertThatThrownBy(() -> LoopConfiguration.gitSettings(plain, dir.resolve("git")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only sent over https")
        .hasMessageNotContaining("glpat-secret");
  }
}
