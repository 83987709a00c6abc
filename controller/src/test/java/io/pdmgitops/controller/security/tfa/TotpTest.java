package io.pdmgitops.controller.security.tfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TotpTest {
  // RFC 6238, appendix B: the SHA-1 secret and times; its 8-digit codes end in these 6 digits.
  static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @Test
  void givesTheCodesOfRfc6238() {
    assertThat(Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
    assertThat(Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
    assertThat(Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(1234567890))).isEqualTo("005924");
    assertThat(Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
  }

  @Test
  void acceptsTheNeighbouringStepsOnceAndNothingElse() {
    Instant now = Instant.ofEpochSecond(1234567890);
    long step = Totp.step(now);
    String previous = Totp.code(RFC_SECRET, step - 1);
    String next = Totp.code(RFC_SECRET, step + 1);
    String tooOld = Totp.code(RFC_SECRET, step - 2);

    assertThat(Totp.verify(RFC_SECRET, previous, now, 0)).hasValue(step - 1);
    assertThat(Totp.verify(RFC_SECRET, next, now, 0)).hasValue(step + 1);
    assertThat(Totp.verify(RFC_SECRET, tooOld, now, 0)).isEmpty();
    assertThat(Totp.verify(RFC_SECRET, "005 924", now, 0)).hasValue(step);
    // Once accepted, the same code (or an older one) is refused: no replay.
    assertThat(Totp.verify(RFC_SECRET, "005924", now, step)).isEmpty();
    assertThat(Totp.verify(RFC_SECRET, previous, now, step)).isEmpty();
    assertThat(Totp.verify(RFC_SECRET, "12345", now, 0)).isEmpty();
    assertThat(Totp.verify(RFC_SECRET, "abcdef", now, 0)).isEmpty();
  }

  @Test
  void base32AndTheUriAreWhatAppsRead() {
    assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
    assertThat(Base32.decode("mzxw 6ytb oi"))
        .isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
    assertThat(Totp.uri("pdm-gitops", "alice@pdm", RFC_SECRET))
        .isEqualTo(
            "otpauth://totp/pdm-gitops:alice%40pdm?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                + "&issuer=pdm-gitops&algorithm=SHA1&digits=6&period=30");
    assertThat(Totp.typed(RFC_SECRET)).isEqualTo("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");
  }

  @Test
  void secretsAreSealedWithAKeyKeptOwnerOnlyAndOpenOnlyWithIt(@TempDir Path data) throws Exception {
    SecretBox box = SecretBox.open(data, Optional.empty());
    String sealed = box.seal(RFC_SECRET);

    assertThat(sealed).doesNotContain("12345678901234567890");
    assertThat(box.seal(RFC_SECRET)).as("a fresh IV each time").isNotEqualTo(sealed);
    assertThat(SecretBox.open(data, Optional.empty()).open(sealed)).isEqualTo(RFC_SECRET);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve(SecretBox.FILE_NAME))))
        .isEqualTo("rw-------");
    SecretBox other =
        SecretBox.open(data, Optional.of("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
    assertThatThrownBy(() -> other.open(sealed)).hasMessageContaining("was tfa.key");
    assertThatThrownBy(() -> SecretBox.open(data, Optional.of("short")))
        .hasMessageContaining("PDM_TFA_KEY");
  }
}
