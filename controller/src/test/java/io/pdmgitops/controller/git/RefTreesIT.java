package io.pdmgitops.controller.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.RefUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans read branches, tags and commits of the real repository (a Git repository in a temp
 * directory, fetched over file://), only below the desired-state subdirectory, and refuse names
 * that are not refs before Git sees them.
 */
class RefTreesIT {
  @TempDir Path temp;

  private RefTrees trees(TestRepository repo) {
    return new RefTrees(
        GitSourceSettings.of(repo.url(), "main", temp.resolve("work")).withSubdirectory("fleet"));
  }

  @Test
  void aBranchIsReadBelowTheSubdirectoryOnly() throws Exception {
    try (TestRepository repo = new TestRepository(temp.resolve("repo"))) {
      repo.write("README.md", "not desired state", "readme");
      repo.write("fleet/guests/a.yaml", "on main", "main");
      try (Git git = new Git(repo.repository())) {
        git.checkout().setCreateBranch(true).setName("feature/x").call();
      }
      String sha = repo.write("fleet/guests/a.yaml", "on the branch", "branch");

      Path into = Files.createDirectories(temp.resolve("into"));
      String read = trees(repo).checkout("feature/x", into);

      assertThat(read).isEqualTo(sha);
      assertThat(Files.readString(into.resolve("guests/a.yaml"))).isEqualTo("on the branch");
      assertThat(into.resolve("README.md")).doesNotExist();
      assertThat(into.resolve("fleet")).doesNotExist();
    }
  }

  @Test
  void aTagAndAnAbbreviatedCommitIdAreReadAsWell() throws Exception {
    try (TestRepository repo = new TestRepository(temp.resolve("repo"))) {
      String first = repo.write("fleet/a.yaml", "first", "first");
      try (Git git = new Git(repo.repository())) {
        git.tag().setName("v1").setObjectId(git.log().call().iterator().next()).call();
      }
      repo.write("fleet/a.yaml", "second", "second");
      RefTrees trees = trees(repo);

      Path tagged = Files.createDirectories(temp.resolve("tagged"));
      assertThat(trees.checkout("v1", tagged)).isEqualTo(first);
      assertThat(Files.readString(tagged.resolve("a.yaml"))).isEqualTo("first");

      Path byId = Files.createDirectories(temp.resolve("by-id"));
      assertThat(trees.checkout(first.substring(0, 9), byId)).isEqualTo(first);
      assertThat(Files.readString(byId.resolve("a.yaml"))).isEqualTo("first");
    }
  }

  @Test
  void aCommitOnNoBranchIsReadByItsFullIdWhereTheHostServesIt() throws Exception {
    try (TestRepository repo = new TestRepository(temp.resolve("repo"))) {
      repo.write("fleet/a.yaml", "main", "main");
      String merge;
      try (Git git = new Git(repo.repository())) {
        git.checkout().setCreateBranch(true).setName("mr").call();
        merge = repo.write("fleet/a.yaml", "merge request", "mr");
        git.checkout().setName("main").call();
        // As a Git host keeps a merge request: under a ref that is not a branch.
        RefUpdate ref = repo.repository().updateRef("refs/merge-requests/7/head");
        ref.setNewObjectId(repo.repository().resolve(merge));
        ref.update();
        git.branchDelete().setBranchNames("mr").setForce(true).call();
      }

      Path into = Files.createDirectories(temp.resolve("into"));
      try {
        assertThat(trees(repo).checkout(merge, into)).isEqualTo(merge);
        assertThat(Files.readString(into.resolve("a.yaml"))).isEqualTo("merge request");
      } catch (RefTrees.UnknownRefException e) {
        // A host that serves advertised refs only: the answer names the id, nothing is written.
        assertThat(e.getMessage()).contains(merge);
        assertThat(into.resolve("a.yaml")).doesNotExist();
      }
    }
  }

  @Test
  void anUnknownBranchAndANameThatIsNoRefAreRefusedByName() throws Exception {
    try (TestRepository repo = new TestRepository(temp.resolve("repo"))) {
      repo.write("fleet/a.yaml", "main", "main");
      RefTrees trees = trees(repo);
      Path into = Files.createDirectories(temp.resolve("into"));

      assertThatThrownBy(() -> trees.checkout("nope", into))
          .isInstanceOf(RefTrees.UnknownRefException.class)
          .hasMessageContaining("no branch, tag or commit 'nope'");
      assertThatThrownBy(() -> trees.checkout("--upload-pack=evil", into))
          .isInstanceOf(RefTrees.UnknownRefException.class)
          .hasMessageContaining("neither a branch or tag name nor a commit id");
      assertThatThrownBy(() -> trees.checkout("a..b", into))
          .isInstanceOf(RefTrees.UnknownRefException.class);
      assertThat(into).isEmptyDirectory();
    }
  }
}
