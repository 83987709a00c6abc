package io.pdmgitops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.controller.security.PasswordHashing;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class HashPasswordCommandTest {
  private static final String PASSWORD = "correct horse battery staple";

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void aLineOnStandardInputPrintsOnlyItsHash() {
    int exit = run(stdin(PASSWORD + "\n"));

    assertThat(exit).isZero();
    assertThat(out.toString()).endsWith("\n").hasLineCount(1);
    String hash = out.toString().strip();
    assertThat(hash).startsWith("$argon2id$v=19$");
    assertThat(PasswordHashing.matches(PASSWORD.toCharArray(), hash)).isTrue();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void onlyTheFirstLineCountsAndItsLineEndIsNotPartOfThePassword() {
    int exit = run(stdin(PASSWORD + "\r\nsecond line\n"));

    assertThat(exit).isZero();
    assertThat(PasswordHashing.matches(PASSWORD.toCharArray(), out.toString().strip())).isTrue();
  }

  @Test
  void aLastLineWithoutNewlineIsTheWholePassword() {
    int exit = run(stdin(PASSWORD));

    assertThat(exit).isZero();
    assertThat(PasswordHashing.matches(PASSWORD.toCharArray(), out.toString().strip())).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n"})
  void noOrAnEmptyPasswordIsRefused(String input) {
    int exit = run(stdin(input));

    assertThat(exit).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).startsWith("pdm-gitops hash-password: ").contains("empty");
  }

  @Test
  void aPasswordShorterThanTwelveCharactersIsRefusedWithoutRepeatingIt() {
    int exit = run(stdin("short-pw123\n"));

    assertThat(exit).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains("11 characters").contains("at least 12");
    assertThat(err.toString()).doesNotContain("short-pw123");
  }

  @Test
  void twelveCharactersAreEnough() {
    assertThat(run(stdin("twelve-chars\n"))).isZero();
  }

  @Test
  void atATerminalThePasswordIsAskedTwice() {
    Scripted prompt = new Scripted(PASSWORD, PASSWORD);

    int exit = run(Optional.of(prompt), stdin(""));

    assertThat(exit).isZero();
    assertThat(prompt.asked).containsExactly("Password: ", "Password again: ");
    assertThat(PasswordHashing.matches(PASSWORD.toCharArray(), out.toString().strip())).isTrue();
  }

  @Test
  void atATerminalTwoDifferentEntriesAreRefused() {
    int exit = run(Optional.of(new Scripted(PASSWORD, PASSWORD + "!")), stdin(""));

    assertThat(exit).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains("differ").doesNotContain(PASSWORD);
  }

  @Test
  void atATerminalAShortPasswordIsRefusedBeforeTheSecondQuestion() {
    Scripted prompt = new Scripted("short", "short");

    int exit = run(Optional.of(prompt), stdin(""));

    assertThat(exit).isEqualTo(2);
    assertThat(prompt.asked).containsExactly("Password: ");
  }

  @Test
  void aPasswordOnTheCommandLineIsRefusedAndNotRepeated() {
    CommandLine commandLine = PdmGitopsCommand.newCommandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));

    int exit = commandLine.execute("hash-password", PASSWORD);

    assertThat(exit).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains("never taken from the command line");
    assertThat(err.toString()).doesNotContain(PASSWORD);
  }

  @Test
  void theHelpSaysThePasswordNeverComesFromTheCommandLine() {
    CommandLine commandLine = PdmGitopsCommand.newCommandLine();
    commandLine.setOut(new PrintWriter(out, true));

    int exit = commandLine.execute("hash-password", "--help");

    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("never taken from the command line")
        .contains("printf '%s\\n' \"$PW\" | pdm-gitops hash-password");
  }

  private int run(InputStream stdin) {
    return run(Optional.empty(), stdin);
  }

  private int run(Optional<HashPasswordCommand.Prompt> prompt, InputStream stdin) {
    CommandLine commandLine = new CommandLine(new HashPasswordCommand(prompt, stdin));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute();
  }

  private static InputStream stdin(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A person at the terminal who types the given answers in turn. */
  private static final class Scripted implements HashPasswordCommand.Prompt {
    final List<String> asked = new ArrayList<>();
    private final Deque<String> answers;

    Scripted(String... answers) {
      this.answers = new ArrayDeque<>(List.of(answers));
    }

    @Override
    public char[] readPassword(String prompt) {
      asked.add(prompt);
      String answer = answers.poll();
      return answer == null ? null : answer.toCharArray();
    }
  }
}
