package io.pdmgitops.controller.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pdmgitops.webui.api.NotFoundException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files at a commit come from the clone's objects: an old commit shows its old text after the work
 * tree moved on, and nothing outside the desired-state directory is readable.
 */
class CommitFilesTest {
  @TempDir Path origin;
  @TempDir Path work;

  @Test
  void eachCommitShowsItsOwnText() throws Exception {
    try (TestRepository repo = new TestRepository(origin)) {
      String first = repo.write("fleet/guests.yaml", "kind: Guest\n# one\n", "first");
      repo.write("secret.txt", "not desired state\n", "outside");
      GitSource source =
          new GitSource(
              GitSourceSettings.of(repo.url(), "main", work)
                  .withSubdirectoryIfPresent(Optional.of("fleet")));
      source.fetch();
      String second = repo.write("fleet/guests.yaml", "kind: Guest\n# two\n", "second");
      source.fetch();
      CommitFiles files = source.files();

      assertThat(files.file(first, "guests.yaml").lines()).containsExactly("kind: Guest", "# one");
      assertThat(files.file(second, "guests.yaml").lines()).containsExactly("kind: Guest", "# two");
      assertThatThrownBy(() -> files.file(second, "../secret.txt"))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("not a path inside the desired-state directory");
      assertThatThrownBy(() -> files.file(second, "secret.txt"))
          .isInstanceOf(NotFoundException.class)
          .hasMessage("no file secret.txt at commit " + second.substring(0, 12));
      assertThatThrownBy(() -> files.file("HEAD", "guests.yaml"))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("not a full commit id");
      assertThatThrownBy(() -> files.file("f".repeat(40), "guests.yaml"))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("is not in the clone");
    }
  }

  @Test
  void beforeTheFirstFetchNothingIsThere() {
    CommitFiles files = new CommitFiles(work.resolve("repository"), Optional.empty());
    assertThatThrownBy(() -> files.file("a".repeat(40), "guests.yaml"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("nothing has been fetched yet");
  }
}
