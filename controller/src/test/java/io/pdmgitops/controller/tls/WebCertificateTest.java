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
  void ourCertificateIsRenewedWithinThirtyDaysOfItsEndAndNotBefore() throws Exception {
    WebCertificate first = WebCertificate.ensure(dir);
    Instant end = first.certificate().getNotAfter().toInstant();

    WebCertificate early = WebCertificate.ensure(dir, end.minus(Duration.ofDays(31)));
    assertThat(early.fingerprint()).isEqualTo(first.fingerprint());

    Instant late = end.minus(Duration.ofDays(29));
    WebCertificate renewed = WebCertificate.ensure(dir, late);
    assertThat(renewed.fingerprint()).isNotEqualTo(first.fingerprint());
    assertThat(renewed.certificate().getNotAfter().toInstant())
        .isAfter(late.plus(Duration.ofDays(800)));
    renewed.certificate().checkValidity(java.util.Date.from(late));
    // What the next start loads is the renewed one, with its own password.
    assertThat(WebCertificate.ensure(dir, late).fingerprint()).isEqualTo(renewed.fingerprint());
  }

  @Test
  void aCertificateOfYourOwnIsNeverReplacedEvenWhenItEnds() throws Exception {
    WebCertificate ours = WebCertificate.ensure(dir);
    // An operator's own certificate: same files, another subject and issuer.
    java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(ours.keyStore())) {
      store.load(in, ours.password().toCharArray());
    }
    var key =
        (java.security.PrivateKey)
            store.getKey(WebCertificate.ALIAS, ours.password().toCharArray());
    var publicKey = ours.certificate().getPublicKey();
    var subject = new org.bouncycastle.asn1.x500.X500Name("CN=controller.corp.example");
    var builder =
        new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(
            new org.bouncycastle.asn1.x500.X500Name("CN=Corp CA"),
            java.math.BigInteger.TEN,
            java.util.Date.from(Instant.now().minus(Duration.ofDays(1))),
            java.util.Date.from(Instant.now().plus(Duration.ofDays(5))),
            subject,
            publicKey);
    X509Certificate own =
        new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
            .getCertificate(
                builder.build(
                    new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA")
                        .build(key)));
    store.setKeyEntry(
        WebCertificate.ALIAS, key, ours.password().toCharArray(), new X509Certificate[] {own});
    try (var out = Files.newOutputStream(ours.keyStore())) {
      store.store(out, ours.password().toCharArray());
    }

    WebCertificate loaded = WebCertificate.ensure(dir, Instant.now().plus(Duration.ofDays(10)));

    assertThat(loaded.certificate()).isEqualTo(own);
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
