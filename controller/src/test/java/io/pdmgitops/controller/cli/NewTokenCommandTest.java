package io.pdmgitops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.controller.security.TokenSecret;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class NewTokenCommandTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    CommandLine cli = new CommandLine(new PdmGitopsCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void printsTheSecretOnceAndTheHashThatMatchesIt() {
    assertThat(run("new-token", "ci@pdm", "deploy")).isZero();

    String text = out.toString();
    Matcher hash = Pattern.compile("secretHash: (sha256:[0-9a-f]{64})").matcher(text);
    Matcher header =
        Pattern.compile("Authorization: PDMAPIToken=ci@pdm!deploy=([A-Za-z0-9_-]{43})\\n")
            .matcher(text);
    assertThat(hash.find()).as(text).isTrue();
    assertThat(header.find()).as(text).isTrue();
    assertThat(TokenSecret.matches(header.group(1), hash.group(1))).isTrue();
    assertThat(text).contains("- name: deploy");

    // A second run: a new secret.
    out.getBuffer().setLength(0);
    run("new-token", "ci@pdm", "deploy");
    assertThat(out.toString()).doesNotContain(header.group(1));
  }

  @Test
  void refusesAUserWithoutRealmAndAnInvalidName() {
    assertThat(run("new-token", "ci", "deploy")).isEqualTo(PdmGitopsCommand.CANNOT);
    assertThat(err.toString()).contains("expected NAME@REALM");
    assertThat(run("new-token", "ci@pdm", "9 lives")).isEqualTo(PdmGitopsCommand.CANNOT);
    assertThat(err.toString()).contains("not a token name");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aSecretMatchesOnlyItsOwnWellFormedHash() {
    String secret = TokenSecret.generate();
    String hash = TokenSecret.hash(secret);
    assertThat(TokenSecret.matches(secret, hash)).isTrue();
    assertThat(TokenSecret.matches(secret + "x", hash)).isFalse();
    assertThat(TokenSecret.matches(secret, hash.substring(0, hash.length() - 1))).isFalse();
    assertThat(TokenSecret.matches(secret, "sha256:" + "zz".repeat(32))).isFalse();
    assertThat(TokenSecret.matches(secret, hash.replace("sha256:", "md5:::"))).isFalse();
  }
}
