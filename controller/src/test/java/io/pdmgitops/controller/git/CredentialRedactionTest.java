package io.pdmgitops.controller.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialRedactionTest {
  static final String ARGON =
      "$argon2id$v=19$m=19456,t=2,p=1$0TIqqnqtcaI8cl/nPMd0bw$rpR4l0KdMs7WAuCR6p34Z8HE4rhGL0hy/hJfKF+/HOw";
  static final String SHA = "sha256:" + "ab".repeat(32);

  @Test
  void hidesHashesInBlockAndFlowStyleAndKeepsEveryLine() {
    List<String> lines =
        List.of(
            "spec:",
            "  realm: pdm",
            "  passwordHash: \"" + ARGON + "\"",
            "  passwordHash: " + ARGON + "  # made 2026-12-01",
            "  passwordHash: '" + ARGON + "'",
            "  tokens:",
            "    - name: ci",
            "      secretHash: " + SHA,
            "    - {name: east, secretHash: \"" + SHA + "\", path: /remotes/dc-east}",
            "  comment: passwordHash is a field name, not a value");

    List<String> shown = CredentialRedaction.redact(lines);

    assertThat(shown).hasSameSizeAs(lines);
    assertThat(String.join("\n", shown)).doesNotContain(ARGON).doesNotContain(SHA);
    assertThat(shown.get(2)).isEqualTo("  passwordHash: \"(hidden)\"");
    assertThat(shown.get(3)).isEqualTo("  passwordHash: \"(hidden)\"  # made 2026-12-01");
    assertThat(shown.get(7)).isEqualTo("      secretHash: \"(hidden)\"");
    assertThat(shown.get(8))
        .isEqualTo("    - {name: east, secretHash: \"(hidden)\", path: /remotes/dc-east}");
    assertThat(shown.get(9)).isEqualTo(lines.get(9));
    assertThat(shown.get(1)).isEqualTo(lines.get(1));
  }
}
