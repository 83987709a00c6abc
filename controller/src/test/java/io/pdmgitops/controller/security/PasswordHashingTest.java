package io.pdmgitops.controller.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHashingTest {
  private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

  @Test
  void aHashMatchesItsPasswordAndNoOther() {
    String hash = PasswordHashing.hash(PASSWORD);

    assertThat(PasswordHashing.matches(PASSWORD, hash)).isTrue();
    assertThat(PasswordHashing.matches("correct horse battery stapler".toCharArray(), hash))
        .isFalse();
    assertThat(PasswordHashing.matches(new char[0], hash)).isFalse();
  }

  @Test
  void hashesAreArgon2idInSpringsFormWithTheDocumentedParameters() {
    String hash = PasswordHashing.hash(PASSWORD);

    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(PasswordHashing.isAcceptable(hash)).isTrue();
    String[] parts = hash.split("\\$");
    assertThat(parts[4]).hasSize(22); // 16 bytes of salt, base64 without padding
    assertThat(parts[5]).hasSize(43); // 32 bytes of hash
  }

  @Test
  void theParametersAreAtLeastSpringSecuritys58Defaults() {
    // defaultsForSpringSecurity_v5_8(): salt 16, hash 32, parallelism 1, 16 MiB, 2 iterations
    assertThat(PasswordHashing.SALT_BYTES).isGreaterThanOrEqualTo(16);
    assertThat(PasswordHashing.HASH_BYTES).isGreaterThanOrEqualTo(32);
    assertThat(PasswordHashing.MEMORY_KIB).isGreaterThanOrEqualTo(1 << 14);
    assertThat(PasswordHashing.ITERATIONS).isGreaterThanOrEqualTo(2);
  }

  @Test
  void theSamePasswordHashesDifferentlyEachTime() {
    assertThat(PasswordHashing.hash(PASSWORD)).isNotEqualTo(PasswordHashing.hash(PASSWORD));
  }

  @Test
  void theDummyHashHasTheParametersOfARealHashSoItCostsTheSame() {
    Matcher dummy = PasswordHashing.FORMAT.matcher(PasswordHashing.DUMMY_HASH);
    Matcher real = PasswordHashing.FORMAT.matcher(PasswordHashing.hash(PASSWORD));

    assertThat(dummy.matches()).isTrue();
    assertThat(real.matches()).isTrue();
    for (int group = 1; group <= 3; group++) {
      assertThat(dummy.group(group)).isEqualTo(real.group(group));
    }
    assertThat(PasswordHashing.matches(PASSWORD, PasswordHashing.DUMMY_HASH)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "hunter2",
        "$6$salt$abcdefghijklmnopqrstuvwxyz0123456789./ABCDEFGHIJKLMNOPQRSTU",
        "$2b$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234",
        "$argon2i$v=19$m=19456,t=2,p=1$7nLdJRnaNGsYHDuyoaqJhg$SqXLqe5DagNbKJvIlGYYWPWMeFda1x2SqTQj4hugdZY",
        "$argon2id$v=19$m=19456,t=2,p=1$7nLdJRnaNGsYHDuyoaqJhg==$SqXLqe5DagNbKJvIlGYYWPWMeFda1x2SqTQj4hugdZY",
        "$argon2id$v=19$m=4194304,t=2,p=1$7nLdJRnaNGsYHDuyoaqJhg$SqXLqe5DagNbKJvIlGYYWPWMeFda1x2SqTQj4hugdZY",
        "$argon2id$v=19$m=19456,t=500,p=1$7nLdJRnaNGsYHDuyoaqJhg$SqXLqe5DagNbKJvIlGYYWPWMeFda1x2SqTQj4hugdZY"
      })
  void malformedForeignOrTooExpensiveHashesNeverMatch(String hash) {
    assertThat(PasswordHashing.isAcceptable(hash)).isFalse();
    assertThat(PasswordHashing.matches(PASSWORD, hash)).isFalse();
  }

  @Test
  void aNullHashNeverMatches() {
    assertThat(PasswordHashing.matches(PASSWORD, null)).isFalse();
  }

  @Test
  void failuresNameTheArgumentButNeverTheValue() {
    assertThatThrownBy(() -> PasswordHashing.hash(null)).hasMessage("password");
    assertThatThrownBy(() -> PasswordHashing.hash(new char[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(new String(PASSWORD));
  }
}
