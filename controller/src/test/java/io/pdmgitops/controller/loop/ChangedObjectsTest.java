package io.pdmgitops.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.engine.Rulebook;
import io.pdmgitops.model.load.DesiredStateLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a commit changed, to poll only the remotes it touches before the full cycle. */
class ChangedObjectsTest {
  @TempDir Path repo;
  DesiredState before;

  @BeforeEach
  void load() throws IOException {
    Path source = Path.of("../examples/demo-repo");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = repo.resolve(source.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
    before = state();
  }

  DesiredState state() {
    return new DesiredStateLoader().load(repo).state().orElseThrow();
  }

  void edit(String file, String from, String to) throws IOException {
    Path path = repo.resolve(file);
    String text = Files.readString(path);
    assertThat(text).contains(from);
    Files.writeString(path, text.replace(from, to));
  }

  static Stream<String> names(ChangedObjects changed) {
    return changed.objects().stream().map(DesiredObject::identity);
  }

  @Test
  void oneChangedGuestTouchesOnlyItsRemote() throws IOException {
    edit(
        "guests/dc-east.yaml",
        "  name: dns-01\n  power: running",
        "  name: dns-01\n  power: stopped");

    ChangedObjects changed = ChangedObjects.between(before, state(), Rulebook.builtIn());

    assertThat(names(changed)).containsExactly("dns-01");
    assertThat(changed.remotes()).extracting(Remote::identity).containsExactly("dc-east");
    assertThat(changed.asState(state()).guests()).hasSize(1);
    assertThat(changed.asState(state()).sources()).hasSize(1);
  }

  @Test
  void aChangedRemoteDocumentTouchesEveryGuestOnItOrMovingToIt() throws IOException {
    edit("remotes/dc-west.yaml", "F1:A0:EA", "F1:A0:EB");

    ChangedObjects changed = ChangedObjects.between(before, state(), Rulebook.builtIn());

    assertThat(names(changed)).contains("west-web-01", "reporting").doesNotContain("dns-01");
    assertThat(changed.remotes())
        .extracting(Remote::identity)
        .containsExactlyInAnyOrder("dc-east", "dc-west"); // reporting moves east -> west
  }

  @Test
  void nothingChangedMeansNothingToFocusOn() {
    ChangedObjects changed = ChangedObjects.between(before, state(), Rulebook.builtIn());

    assertThat(changed.objects()).isEmpty();
    assertThat(changed.remotes()).isEmpty();
  }
}
