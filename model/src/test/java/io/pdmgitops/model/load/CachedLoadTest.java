package io.pdmgitops.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.DesiredState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller's loader reuses what unchanged files contributed, and its results are the same as
 * a fresh load's: objects, warnings and problems, positions included.
 */
class CachedLoadTest {
  @TempDir Path repo;
  final DesiredStateLoader cached = DesiredStateLoader.withFileCache();

  @BeforeEach
  void copyTheDemoRepository() throws IOException {
    Path source = Path.of("../examples/demo-repo");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = repo.resolve(source.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
  }

  LoadResult fresh() {
    return new DesiredStateLoader().load(repo);
  }

  @Test
  void anUnchangedFileIsNotReadAgainAndAChangedOneIs() throws IOException {
    DesiredState first = cached.load(repo).state().orElseThrow();
    Path east = repo.resolve("guests/dc-east.yaml");
    Files.writeString(
        east,
        Files.readString(east)
            .replace("  name: dns-01\n  power: running", "  name: dns-01\n  power: stopped"));

    LoadResult second = cached.load(repo);

    DesiredState state = second.state().orElseThrow();
    assertThat(state.guest("west-web-01")).containsSame(first.guest("west-web-01").orElseThrow());
    assertThat(state.guest("dns-01").orElseThrow().spec().power().orElseThrow().wire())
        .isEqualTo("stopped");
    assertThat(second).usingRecursiveComparison().isEqualTo(fresh());
  }

  @Test
  void aProblemFoundInACachedFileKeepsItsExactPosition() throws IOException {
    cached.load(repo);
    // dc-west.yaml is unchanged and cached; its guests now name a remote that is gone.
    Files.delete(repo.resolve("remotes/dc-west.yaml"));

    LoadResult second = cached.load(repo);

    assertThat(second.state()).isEmpty();
    assertThat(second.problems())
        .anySatisfy(p -> assertThat(p.location().file()).isEqualTo("guests/dc-west.yaml"));
    assertThat(second.problems()).isEqualTo(fresh().problems());
  }

  @Test
  void aDeletedFileTakesItsObjectsWithIt() throws IOException {
    cached.load(repo);
    Files.delete(repo.resolve("guests/moves.yaml"));

    LoadResult second = cached.load(repo);

    assertThat(second).usingRecursiveComparison().isEqualTo(fresh());
  }

  @Test
  void aFileThatBreaksAndIsFixedAgainLoadsAsBefore() throws IOException {
    LoadResult before = cached.load(repo);
    Path views = repo.resolve("views/backups.yaml");
    String good = Files.readString(views);
    Files.writeString(views, good + "\n  : [unclosed\n");
    assertThat(cached.load(repo).state()).isEmpty();

    Files.writeString(views, good);

    assertThat(cached.load(repo)).usingRecursiveComparison().isEqualTo(before);
  }
}
