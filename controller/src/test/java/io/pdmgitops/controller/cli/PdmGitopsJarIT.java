package io.pdmgitops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pdmgitops.controller.app.WebLogin;
import io.pdmgitops.controller.tls.WebCertificate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    assertThat(result.output()).contains("valid: 45 objects in 15 files");
  }

  @Test
  void theJarReportsAnInvalidRepositoryWithExitCodeOne() throws Exception {
    Result result =
        java("validate", "../model/src/test/resources/fixtures/invalid/envelope-unknown-kind");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.output()).contains("doc.yaml:2:7: error: unknown kind 'Remot'");
  }

  /** What openssl says of a handshake with only the given protocol; seclevel 0 lets it try. */
  static String handshake(int port, String protocol) throws Exception {
    Process openssl =
        new ProcessBuilder(
                "openssl",
                "s_client",
                "-connect",
                "localhost:" + port,
                protocol,
                "-cipher",
                "DEFAULT:@SECLEVEL=0",
                "-brief")
            .redirectErrorStream(true)
            .start();
    openssl.getOutputStream().close();
    assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).as("openssl ends").isTrue();
    return new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void runServesTheWebUiOverHttpsWithACertificateKeptInTheDataDirectory(@TempDir Path data)
      throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = data.resolve("run.log");
    Process process =
        new ProcessBuilder(
                javaBin,
                "-jar",
                JAR.toString(),
                "run",
                "--demo",
                "--examples",
                "../examples",
                "--data-dir",
                data.toString(),
                "--port",
                "0")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      Pattern webUi = Pattern.compile("Web UI:\\s+(https://localhost:\\d+)/");
      String url =
          await()
              .atMost(Duration.ofSeconds(90))
              .ignoreExceptions()
              .until(
                  () -> {
                    Matcher m = webUi.matcher(Files.readString(log));
                    return m.find() ? m.group(1) : null;
                  },
                  u -> u != null);
      WebCertificate certificate = WebCertificate.ensure(data.resolve("tls"));
      assertThat(Files.readString(log))
          .contains("self-signed; SHA-256 " + certificate.fingerprint())
          .doesNotContain(certificate.password());
      HttpClient client =
          HttpClient.newBuilder()
              .sslContext(io.pdmgitops.controller.TestTls.trusting(certificate.certificate()))
              .build();
      // Nothing without a login; the demo's admin password is in the data directory.
      HttpResponse<String> anonymous =
          client.send(
              HttpRequest.newBuilder(URI.create(url + "/")).timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).isEqualTo(302);
      assertThat(anonymous.headers().firstValue("Location")).hasValue("/login");
      assertThat(Files.readString(log)).contains("Demo logins:").contains("admin@pdm");
      String password =
          DemoLogins.load(data.resolve(DemoLogins.FILE_NAME))
              .orElseThrow()
              .passwords()
              .get("admin@pdm");
      WebLogin.Session admin = WebLogin.login(client, url, "admin@pdm", password);
      HttpResponse<String> page =
          client.send(
              HttpRequest.newBuilder(URI.create(url + "/"))
                  .header("Cookie", admin.cookie())
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<h1>Dashboard</h1>");
      // TLS 1.2 and 1.3 only: openssl, allowed to offer TLS 1.1, is refused; 1.2 is accepted.
      int port = URI.create(url).getPort();
      assertThat(handshake(port, "-tls1_2"))
          .as("TLS 1.2 handshake")
          .contains("CONNECTION ESTABLISHED")
          .contains("Protocol version: TLSv1.2");
      assertThat(handshake(port, "-tls1_1"))
          .as("TLS 1.1 handshake: the server's alert")
          .doesNotContain("CONNECTION ESTABLISHED")
          .contains("alert protocol version");
      // Browsers that came once over HTTPS keep to it.
      assertThat(page.headers().firstValue("Strict-Transport-Security"))
          .hasValue("max-age=31536000");
      // HTTP/2, so that many open tabs, each with its live stream, share one connection.
      assertThat(page.version()).isEqualTo(HttpClient.Version.HTTP_2);
      HttpResponse<String> oldClient =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .sslContext(io.pdmgitops.controller.TestTls.trusting(certificate.certificate()))
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(url + "/api/v1/status"))
                      .header("Cookie", admin.cookie())
                      .timeout(Duration.ofSeconds(30))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(oldClient.statusCode()).isEqualTo(200);
      assertThat(oldClient.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
      // Owner-only: the journal, the clone and the key are nobody else's business.
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
          .isEqualTo("rwx------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("git"))))
          .isEqualTo("rwx------");
      assertThat(
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(data.resolve("status.mv.db"))))
          .isEqualTo("rw-------");
      assertThat(Files.readString(log))
          .as("listening everywhere is said out loud")
          .contains("listening on all interfaces")
          .contains("--bind 127.0.0.1");
    } finally {
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aStartThatCannotBeDoneSaysWhyInOneLineWithoutAStackTrace(@TempDir Path empty)
      throws Exception {
    Result result =
        java(
            "run",
            "--demo",
            "--examples",
            empty.toString(),
            "--data-dir",
            empty.resolve("data").toString());

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.output())
        .contains("pdm-gitops: the demo needs " + empty.resolve("fleet.yaml"))
        .contains("pass --examples DIR")
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
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
