package io.pdmgitops.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests: every directory under {@code fixtures/invalid} and {@code fixtures/valid} is a
 * small repository, and {@code expected.txt} beside its YAML holds the exact report, file:line:col
 * and hint included. Run with {@code -Dfixtures.update=true} to rewrite the expectations, then
 * review the diff.
 */
class FixtureProblemsTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private static final boolean UPDATE = Boolean.getBoolean("fixtures.update");

  static Stream<String> invalidCases() throws IOException {
    return cases("invalid");
  }

  static Stream<String> validCases() throws IOException {
    return cases("valid");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidCases")
  void invalidRepositoryIsRejectedWithTheExpectedReport(String name) throws IOException {
    Path dir = FIXTURES.resolve("invalid").resolve(name);

    LoadResult result = new DesiredStateLoader().load(dir);

    assertThat(result.isValid()).as("%s must be rejected", name).isFalse();
    assertThat(result.state()).isEmpty();
    assertReport(dir, result);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validCases")
  void validRepositoryGivesASnapshot(String name) throws IOException {
    Path dir = FIXTURES.resolve("valid").resolve(name);

    LoadResult result = new DesiredStateLoader().load(dir);

    assertThat(result.problems()).allMatch(p -> !p.isError());
    assertThat(result.state()).isPresent();
    assertReport(dir, result);
  }

  private static void assertReport(Path dir, LoadResult result) throws IOException {
    String actual =
        result.problems().stream()
            .map(p -> ProblemFormatter.format(p, "").replace(System.lineSeparator(), "\n"))
            .collect(Collectors.joining("\n"));
    Path expectedFile = dir.resolve("expected.txt");
    if (UPDATE) {
      Files.writeString(expectedFile, actual.isEmpty() ? "" : actual + "\n");
    }
    String expected = Files.readString(expectedFile, StandardCharsets.UTF_8).strip();
    assertThat(actual).isEqualTo(expected);
  }

  private static Stream<String> cases(String group) throws IOException {
    try (Stream<Path> dirs = Files.list(FIXTURES.resolve(group))) {
      List<String> names =
          dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
      return names.stream();
    }
  }
}
