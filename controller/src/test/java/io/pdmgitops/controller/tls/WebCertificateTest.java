package io.pdmgitops.controller.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web UI's certificate is created once, for the names a browser uses, and kept private. */
class WebCertificateTest {
  @TempDir Path dir;

  @Test
  void aCertificateIsCreatedOnceAndReusedAfter() throws Exception {
    WebCertificate first = WebCertificate.ensure(dir);
    WebCertificate again = WebCertificate.ensure(dir);

    assertThat(again.fingerprint())
        .isEqualTo(first.fingerprint())
        .matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    assertThat(again.password()).isEqualTo(first.password());
    assertThat(first.keyStore()).isEqualTo(dir.resolve(WebCertificate.KEY_STORE));
  }

  @Test
  void itNamesLocalhostAndTheLoopbackAddressAndServesForTwoYearsAtMost() throws Exception {
    X509Certificate certificate = WebCertificate.ensure(dir).certificate();

    assertThat(certificate.getSubjectAlternativeNames())
        .extracting(name -> (Object) name.get(1))
        .contains((Object) "localhost", "127.0.0.1");
    assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
    assertThat(certificate.getNotAfter().toInstant())
        .isBefore(Instant.now().plus(Duration.ofDays(826)));
    certificate.checkValidity();
  }

  @Test
  void theKeyStoreAndItsPasswordAreReadableByTheOwnerOnly() throws Exception {
    // A directory ensure() creates itself: the temp dir is owner-only already and proves nothing.
    Path tls = dir.resolve("data").resolve("tls");
    WebCertificate certificate = WebCertificate.ensure(tls);

    for (Path file : List.of(certificate.keyStore(), tls.resolve(WebCertificate.PASSWORD_FILE))) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
    assertThat(certificate.toString()).doesNotContain(certificate.password());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls)))
        .isEqualTo("rwx------");
  }
}
