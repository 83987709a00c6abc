package io.pdmgitops.controller.cli;

import io.pdmgitops.controller.security.PasswordHashing;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code hash-password}: the argon2id hash for a User document's {@code passwordHash}. The password
 * comes from a prompt without echo or from standard input, never from the command line, where it
 * would stay in the shell's history and be visible in the process list.
 */
@Command(
    name = "hash-password",
    mixinStandardHelpOptions = true,
    description = {
      "Print the argon2id hash of a password, for a User's passwordHash.",
      "The password is never taken from the command line: on a terminal it is asked for twice"
          + " without echo; otherwise one line is read from standard input, e.g.",
      "  printf '%%s\\n' \"$PW\" | pdm-gitops hash-password",
      "Only the hash and a newline go to standard output."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the hash was printed",
      "2:no password, shorter than 12 characters, the two entries differ, or given as an argument"
    })
final class HashPasswordCommand implements Callable<Integer> {
  static final int HASHED = 0;
  static final int REFUSED = PdmGitopsCommand.CANNOT;

  /** Shorter passwords are refused: an offline guess against a leaked hash must stay costly. */
  static final int MIN_LENGTH = 12;

  /** A longer line is not a password but a mistake, e.g. a file piped in by accident. */
  static final int MAX_LENGTH = 1024;

  /** Where a person types the password: {@link Console#readPassword(String, Object...)}. */
  interface Prompt {
    /** The entered text without its line end, or null at end of input. */
    char[] readPassword(String prompt);
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Catches a password given as an argument, so the refusal can say why without repeating it. */
  @Parameters(arity = "0..*", hidden = true)
  List<String> arguments = List.of();

  private final Optional<Prompt> prompt;
  private final InputStream stdin;

  HashPasswordCommand() {
    this(terminal().map(c -> (Prompt) p -> c.readPassword("%s", p)), System.in);
  }

  HashPasswordCommand(Optional<Prompt> prompt, InputStream stdin) {
    this.prompt = prompt;
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws IOException {
    if (!arguments.isEmpty()) {
      return refuse(
          "a password is never taken from the command line (shell history, process list):"
              + " type it at the prompt or pipe it on standard input");
    }
    char[] password = null;
    char[] again = null;
    try {
      if (prompt.isPresent()) {
        password = prompt.get().readPassword("Password: ");
        Optional<String> problem = problem(password);
        if (problem.isPresent()) {
          return refuse(problem.get());
        }
        again = prompt.get().readPassword("Password again: ");
        if (again == null || !Arrays.equals(password, again)) {
          return refuse("the two passwords differ; nothing was hashed");
        }
      } else {
        password = readLine(stdin);
        Optional<String> problem = problem(password);
        if (problem.isPresent()) {
          return refuse(problem.get());
        }
      }
      spec.commandLine().getOut().println(PasswordHashing.hash(password));
      spec.commandLine().getOut().flush();
      return HASHED;
    } finally {
      clear(password);
      clear(again);
    }
  }

  /** What is wrong with the password, in words that never repeat it. */
  static Optional<String> problem(char[] password) {
    if (password == null) {
      return Optional.of("no password given: standard input was empty");
    }
    if (password.length == 0) {
      return Optional.of("the password is empty");
    }
    if (password.length > MAX_LENGTH) {
      return Optional.of("the password is longer than " + MAX_LENGTH + " characters");
    }
    int length = Character.codePointCount(password, 0, password.length);
    if (length < MIN_LENGTH) {
      return Optional.of(
          "the password has "
              + length
              + " characters; at least "
              + MIN_LENGTH
              + " are needed (a random one: openssl rand -base64 18)");
    }
    return Optional.empty();
  }

  private int refuse(String why) {
    spec.commandLine().getErr().println("pdm-gitops hash-password: " + why);
    spec.commandLine().getErr().flush();
    return REFUSED;
  }

  /**
   * One line without its line end (\n or \r\n); null at once-empty input. Read character by
   * character, so no more than the line is taken and nothing past {@link #MAX_LENGTH} is kept.
   */
  static char[] readLine(InputStream in) throws IOException {
    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
    char[] line = new char[MAX_LENGTH + 1];
    int length = 0;
    int c = reader.read();
    if (c == -1) {
      return null;
    }
    while (c != -1 && c != '\n') {
      if (length < line.length) {
        line[length++] = (char) c;
      }
      c = reader.read();
    }
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    char[] password = Arrays.copyOf(line, length);
    clear(line);
    return password;
  }

  private static void clear(char[] chars) {
    if (chars != null) {
      Arrays.fill(chars, '\0');
    }
  }

  /**
   * The console when a person is at it. Java 17 has one only when both standard input and output
   * are a terminal; from Java 22 on {@code System.console()} may exist without a terminal, and
   * {@code Console.isTerminal()} tells.
   */
  private static Optional<Console> terminal() {
    Console console = System.console();
    if (console == null) {
      return Optional.empty();
    }
    try {
      Object terminal = Console.class.getMethod("isTerminal").invoke(console);
      return Boolean.TRUE.equals(terminal) ? Optional.of(console) : Optional.empty();
    } catch (ReflectiveOperationException e) {
      return Optional.of(console); // Java before 22: a console is a terminal
    }
  }
}
