package io.pdmgitops.controller.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetching over the network as from a Git host: HTTPS with a token as the password, and SSH with a
 * deploy key and a known_hosts file. Credentials never show in errors.
 */
class GitTransportIT {
  static final String TOKEN = "glpat-s3cr3t-token";

  @TempDir Path upstream;
  @TempDir Path work;
  TestRepository repo;
  String head;

  @BeforeEach
  void setUp() throws Exception {
    repo = new TestRepository(upstream);
    head = repo.commitTree(Path.of("../examples/demo-repo"), "Add the demo fleet");
  }

  @AfterEach
  void tearDown() {
    repo.close();
  }

  @Test
  void httpsWithATokenFetchesTheHeadCommit() throws Exception {
    try (HttpsGitServer server = new HttpsGitServer(repo.repository(), TOKEN);
        var trust = trusting(server)) {
      GitSource source =
          new GitSource(
              new GitSourceSettings(
                      server.url(),
                      "main",
                      java.util.Optional.empty(),
                      java.util.Optional.empty(),
                      java.util.Optional.empty(),
                      work,
                      java.time.Duration.ofSeconds(5))
                  .withHttpsToken(TOKEN));

      assertThat(source.fetch().sha()).isEqualTo(head);
      assertThat(source.desiredStateRoot().resolve("remotes")).isDirectory();
      String next = repo.write("README.md", "fleet\n", "Describe the fleet");
      assertThat(source.fetch().sha()).isEqualTo(next);
    }
  }

  @Test
  void httpsWithAWrongTokenFailsWithoutShowingIt() throws Exception {
    try (HttpsGitServer server = new HttpsGitServer(repo.repository(), TOKEN);
        var trust = trusting(server)) {
      GitSource source =
          new GitSource(
              GitSourceSettings.of(server.url(), "main", work).withHttpsToken("wrong-token-42"));

      assertThatThrownBy(source::fetch)
          .isInstanceOf(GitSourceException.class)
          .hasMessageContaining(server.url())
          .hasMessageContaining("not authorized")
          .hasMessageNotContaining("wrong-token-42");
      assertThat(server.refused()).isPositive();
    }
  }

  @Test
  void aTokenRotatedBetweenFetchesIsUsedAtTheNextFetch() throws Exception {
    try (HttpsGitServer server = new HttpsGitServer(repo.repository(), TOKEN);
        var trust = trusting(server)) {
      var current = new AtomicReference<>("expired-token-7");
      GitSource source =
          new GitSource(
              GitSourceSettings.of(server.url(), "main", work).withHttpsToken(current::get));

      assertThatThrownBy(source::fetch)
          .isInstanceOf(GitSourceException.class)
          .hasMessageContaining("not authorized")
          .hasMessageNotContaining("expired-token-7");

      current.set(TOKEN); // the operator renewed the token file
      assertThat(source.fetch().sha()).isEqualTo(head);
    }
  }

  static GitWriter.Change stopFirstGuest(String base) {
    return new GitWriter.Change(
        base,
        java.util.Map.of(
            "guests/dc-east.yaml",
            current -> current.map(text -> text.replaceFirst("power: running", "power: stopped"))),
        "Stop a guest",
        new org.eclipse.jgit.lib.PersonIdent("Alice", "alice@corp.example"));
  }

  static final org.eclipse.jgit.lib.PersonIdent CONTROLLER =
      new org.eclipse.jgit.lib.PersonIdent("pdm-gitops", "pdm-gitops@localhost");

  @Test
  void httpsWithATokenPushesAChangeAndAWrongTokenIsRefusedWithoutShowingIt() throws Exception {
    try (HttpsGitServer server = new HttpsGitServer(repo.repository(), TOKEN);
        var trust = trusting(server)) {
      GitSourceSettings settings =
          GitSourceSettings.of(server.url(), "main", work.resolve("right")).withHttpsToken(TOKEN);

      GitWriter.Outcome pushed = new GitWriter(settings, CONTROLLER).commit(stopFirstGuest(head));
      GitWriter.Outcome refused =
          new GitWriter(
                  GitSourceSettings.of(server.url(), "main", work.resolve("wrong"))
                      .withHttpsToken("not-the-token-at-all"),
                  CONTROLLER)
              .commit(stopFirstGuest(head));

      assertThat(pushed).isInstanceOf(GitWriter.Committed.class);
      assertThat(repo.repository().resolve("refs/heads/main").name())
          .isEqualTo(((GitWriter.Committed) pushed).sha());
      assertThat(refused).isInstanceOf(GitWriter.Failed.class);
      assertThat(((GitWriter.Failed) refused).reason()).doesNotContain("not-the-token-at-all");
    }
  }

  @Test
  void sshWithADeployKeyPushesAChange() throws Exception {
    KeyPair deployKey = SshGitServer.newClientKey();
    try (SshGitServer server = new SshGitServer(repo.repository(), deployKey.getPublic())) {
      Path key = SshGitServer.writePrivateKey(deployKey, work.resolve("id_ed25519"));
      Path knownHosts =
          Files.writeString(work.resolve("known_hosts"), server.knownHostsLine() + "\n");
      GitWriter writer =
          new GitWriter(
              GitSourceSettings.of(server.url(), "main", work.resolve("clone"))
                  .withSsh(new GitSourceSettings.SshCredentials(key, knownHosts)),
              CONTROLLER);

      GitWriter.Outcome pushed = writer.commit(stopFirstGuest(head));

      assertThat(pushed).isInstanceOf(GitWriter.Committed.class);
      assertThat(repo.repository().resolve("refs/heads/main").name())
          .isEqualTo(((GitWriter.Committed) pushed).sha());
    }
  }

  @Test
  void sshWithADeployKeyAndKnownHostsFetchesTheHeadCommit() throws Exception {
    KeyPair deployKey = SshGitServer.newClientKey();
    try (SshGitServer server = new SshGitServer(repo.repository(), deployKey.getPublic())) {
      Path key = SshGitServer.writePrivateKey(deployKey, work.resolve("id_ed25519"));
      Path knownHosts =
          Files.writeString(work.resolve("known_hosts"), server.knownHostsLine() + "\n");
      GitSource source =
          new GitSource(
              GitSourceSettings.of(server.url(), "main", work.resolve("clone"))
                  .withSsh(new GitSourceSettings.SshCredentials(key, knownHosts)));

      assertThat(source.fetch().sha()).isEqualTo(head);
    }
  }

  @Test
  void sshRefusesAServerThatKnownHostsDoesNotList() throws Exception {
    KeyPair deployKey = SshGitServer.newClientKey();
    try (SshGitServer server = new SshGitServer(repo.repository(), deployKey.getPublic());
        SshGitServer other = new SshGitServer(repo.repository(), deployKey.getPublic())) {
      Path key = SshGitServer.writePrivateKey(deployKey, work.resolve("id_ed25519"));
      // known_hosts lists another server's key under this server's address: a changed host key.
      String impostor = other.knownHostsLine().replaceFirst(":\\d+]", ":" + port(server) + "]");
      Path knownHosts = Files.writeString(work.resolve("known_hosts"), impostor + "\n");
      GitSource source =
          new GitSource(
              GitSourceSettings.of(server.url(), "main", work.resolve("clone"))
                  .withSsh(new GitSourceSettings.SshCredentials(key, knownHosts)));

      assertThatThrownBy(source::fetch)
          .isInstanceOf(GitSourceException.class)
          .hasMessageContaining("ssh://127.0.0.1:" + port(server) + "/repo.git")
          .hasMessageContaining("Server key did not validate");
      assertThat(work.resolve("clone").resolve("repository").resolve("remotes")).doesNotExist();
    }
  }

  @Test
  void anSshUrlWithoutAKeyIsAClearError() throws Exception {
    GitSource source =
        new GitSource(GitSourceSettings.of("ssh://git@127.0.0.1:1/repo.git", "main", work));

    assertThatThrownBy(source::fetch)
        .isInstanceOf(GitSourceException.class)
        .hasMessageContaining("pdm.repository.ssh-key-file");
  }

  static String port(SshGitServer server) {
    return server.url().replaceFirst(".*:(\\d+)/.*", "$1");
  }

  /** Trusts the server's certificate for JGit's HTTPS connections while the test runs. */
  static AutoCloseable trusting(HttpsGitServer server) throws Exception {
    SSLSocketFactory before = HttpsURLConnection.getDefaultSSLSocketFactory();
    HttpsURLConnection.setDefaultSSLSocketFactory(server.clientTrust().getSocketFactory());
    return () -> HttpsURLConnection.setDefaultSSLSocketFactory(before);
  }
}
