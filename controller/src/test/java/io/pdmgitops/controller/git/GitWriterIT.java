package io.pdmgitops.controller.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.controller.git.GitWriter.Change;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commits from the UI into a real bare repository, with someone else pushing in between. */
class GitWriterIT {
  static final PersonIdent CONTROLLER = new PersonIdent("pdm-gitops", "pdm-gitops@localhost");
  static final PersonIdent ALICE = new PersonIdent("Alice Operator", "alice@corp.example");

  static final String GUESTS =
      """
      apiVersion: pdm-gitops/v1
      kind: Guest
      metadata: {name: web}
      spec:
        remote: dc-east
        vmid: 100
        type: qemu
        name: web
        power: running
      """;

  @TempDir Path bare;
  @TempDir Path other;
  @TempDir Path work;
  String base;
  GitWriter writer;

  @BeforeEach
  void repository() throws Exception {
    Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
    try (Git git = Git.init().setDirectory(other.toFile()).setInitialBranch("main").call()) {
      git.remoteAdd().setName("origin").setUri(new URIish(bare.toUri().toString())).call();
      Files.writeString(other.resolve("guests.yaml"), GUESTS);
      Files.writeString(other.resolve("remotes.yaml"), "# remotes\n");
      git.add().addFilepattern(".").call();
      base = git.commit().setMessage("Start").setAuthor(ALICE).setCommitter(ALICE).call().getName();
      git.push().setRemote("origin").setRefSpecs(MAIN).call();
    }
    writer = new GitWriter(GitSourceSettings.of(bare.toUri().toString(), "main", work), CONTROLLER);
  }

  /** Someone else pushes a change of one file. */
  String elsewhere(String file, String content) throws Exception {
    try (Git git = Git.open(other.toFile())) {
      upToDate(git);
      Files.writeString(other.resolve(file), content);
      git.add().addFilepattern(".").call();
      String sha =
          git.commit()
              .setMessage("Elsewhere")
              .setAuthor(ALICE)
              .setCommitter(ALICE)
              .call()
              .getName();
      git.push().setRemote("origin").setRefSpecs(MAIN).call();
      return sha;
    }
  }

  static final RefSpec MAIN = new RefSpec("refs/heads/main:refs/heads/main");

  static void upToDate(Git git) throws Exception {
    git.fetch().setRemote("origin").setRefSpecs("+refs/heads/main:refs/remotes/origin/main").call();
    git.reset().setMode(ResetCommand.ResetType.HARD).setRef("refs/remotes/origin/main").call();
  }

  RevCommit head() throws Exception {
    try (Git git = Git.open(bare.toFile())) {
      return git.log().setMaxCount(1).call().iterator().next();
    }
  }

  String fileAtHead(String file) throws Exception {
    try (Git git = Git.open(other.toFile())) {
      upToDate(git);
      return Files.readString(other.resolve(file));
    }
  }

  static Change stop(String base) {
    return new Change(
        base,
        Map.of(
            "guests.yaml",
            GitWriter.FileEdit.write(GUESTS.replace("power: running", "power: stopped"))),
        "Stop web",
        ALICE);
  }

  @Test
  void aChangeIsAuthoredByTheUserCommittedByTheControllerAndPushed() throws Exception {
    GitWriter.Outcome outcome = writer.commit(stop(base));

    assertThat(outcome).isInstanceOf(GitWriter.Committed.class);
    RevCommit head = head();
    assertThat(head.getName()).isEqualTo(((GitWriter.Committed) outcome).sha());
    assertThat(head.getAuthorIdent().getEmailAddress()).isEqualTo("alice@corp.example");
    assertThat(head.getCommitterIdent().getName()).isEqualTo("pdm-gitops");
    assertThat(head.getFullMessage()).isEqualTo("Stop web");
    assertThat(fileAtHead("guests.yaml")).contains("power: stopped");
    assertThat(((GitWriter.Committed) outcome).rebased()).isFalse();
  }

  @Test
  void whenTheBranchMovedInAnotherFileTheChangeIsPutOnTop() throws Exception {
    String theirs = elsewhere("remotes.yaml", "# remotes, edited elsewhere\n");

    GitWriter.Outcome outcome = writer.commit(stop(base));

    assertThat(outcome).isInstanceOf(GitWriter.Committed.class);
    assertThat(((GitWriter.Committed) outcome).rebased()).isTrue();
    assertThat(head().getParent(0).getName()).isEqualTo(theirs);
    assertThat(fileAtHead("remotes.yaml")).contains("edited elsewhere");
    assertThat(fileAtHead("guests.yaml")).contains("power: stopped");
  }

  @Test
  void whenTheBranchChangedTheSameLinesNothingIsPushedAndTheFileIsNamed() throws Exception {
    String theirs = elsewhere("guests.yaml", GUESTS.replace("power: running", "power: paused"));

    GitWriter.Outcome outcome = writer.commit(stop(base));

    assertThat(outcome).isEqualTo(new GitWriter.Conflict(java.util.List.of("guests.yaml"), theirs));
    assertThat(head().getName()).isEqualTo(theirs);
    // The writer's clone is usable for the next change.
    assertThat(writer.commit(stop(theirs).withBase(theirs)))
        .isInstanceOf(GitWriter.Committed.class);
  }

  @Test
  void twoChangesValidAloneButNotTogetherAreNotPushedAfterTheRebase() throws Exception {
    // Someone adds a remote named east; this change, begun before, adds another remote east.
    String theirs = elsewhere("remotes.yaml", "# remotes\nkind: Remote\nmetadata: {name: east}\n");
    GitWriter.Check duplicates =
        new GitWriter.Check() {
          @Override
          public Optional<String> refusal(java.nio.file.Path root) {
            return Optional.empty();
          }

          @Override
          public Optional<String> refusalAfterRebase(java.nio.file.Path root) {
            try {
              long easts =
                  Files.readString(root.resolve("remotes.yaml"))
                          .lines()
                          .filter(l -> l.contains("name: east"))
                          .count()
                      + Files.readString(root.resolve("more-remotes.yaml"))
                          .lines()
                          .filter(l -> l.contains("name: east"))
                          .count();
              return easts > 1 ? Optional.of("Remote/east is declared twice") : Optional.empty();
            } catch (java.io.IOException e) {
              return Optional.of(e.toString());
            }
          }
        };
    Change mine =
        new Change(
            base,
            Map.of(
                "more-remotes.yaml",
                GitWriter.FileEdit.write("kind: Remote\nmetadata: {name: east}\n")),
            "Add east",
            ALICE);

    GitWriter.Outcome outcome = writer.commit(mine, duplicates);

    assertThat(outcome).isInstanceOf(GitWriter.Refused.class);
    assertThat(((GitWriter.Refused) outcome).reason())
        .contains("with the commits pushed meanwhile")
        .contains("Remote/east is declared twice");
    assertThat(head().getName()).isEqualTo(theirs);
  }

  @Test
  void nothingToCommitAndPathsOutsideTheDesiredStateAreSaidSo() throws Exception {
    assertThat(
            writer.commit(
                new Change(
                    base, Map.of("guests.yaml", GitWriter.FileEdit.write(GUESTS)), "Same", ALICE)))
        .isInstanceOf(GitWriter.Unchanged.class);
    assertThat(
            writer.commit(
                new Change(
                    base, Map.of("../escape.yaml", GitWriter.FileEdit.write("x")), "Out", ALICE)))
        .isEqualTo(
            new GitWriter.Failed(
                "'../escape.yaml' is not a YAML file inside the desired-state directory"));
    assertThat(
            writer.commit(
                new Change(
                    base, Map.of(".git/config", GitWriter.FileEdit.write("x")), "Git", ALICE)))
        .isInstanceOf(GitWriter.Failed.class);
    assertThat(head().getName()).isEqualTo(base);
  }

  @Test
  void aRevertIsANewCommitThatUndoesOneAndItsPreviewShowsWhatItChanges() throws Exception {
    String stopped = ((GitWriter.Committed) writer.commit(stop(base))).sha();
    elsewhere("remotes.yaml", "# remotes, edited elsewhere\n");
    PersonIdent bob = new PersonIdent("Bob Admin", "bob@corp.example");

    GitWriter.RevertPreview preview = writer.previewRevert(stopped).orElseThrow();
    GitWriter.Outcome outcome =
        writer.revert(stopped, "Revert \"Stop web\"", bob, root -> java.util.Optional.empty());

    assertThat(preview.subject()).isEqualTo("Stop web");
    assertThat(preview.diff()).contains("-  power: stopped").contains("+  power: running");
    assertThat(outcome).isInstanceOf(GitWriter.Committed.class);
    assertThat(head().getAuthorIdent().getName()).isEqualTo("Bob Admin");
    assertThat(head().getFullMessage()).isEqualTo("Revert \"Stop web\"");
    assertThat(fileAtHead("guests.yaml")).contains("power: running");
    assertThat(fileAtHead("remotes.yaml")).as("later commits stay").contains("edited elsewhere");
  }

  @Test
  void aRevertRacedByAnotherPushIsPutOnTopOfItInsteadOfFailing() throws Exception {
    String stopped = ((GitWriter.Committed) writer.commit(stop(base))).sha();
    PersonIdent bob = new PersonIdent("Bob Admin", "bob@corp.example");
    // Someone pushes between the revert's fetch and its push: the check runs in between.
    GitWriter.Check race =
        root -> {
          try {
            elsewhere("remotes.yaml", "# remotes, pushed during the revert\n");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return Optional.empty();
        };

    GitWriter.Outcome outcome = writer.revert(stopped, "Revert \"Stop web\"", bob, race);

    assertThat(outcome).isInstanceOf(GitWriter.Committed.class);
    assertThat(((GitWriter.Committed) outcome).rebased()).isTrue();
    assertThat(fileAtHead("guests.yaml")).contains("power: running");
    assertThat(fileAtHead("remotes.yaml")).contains("pushed during the revert");
  }

  @Test
  void aRevertThatNoLongerAppliesOrIsRefusedPushesNothing() throws Exception {
    String stopped = ((GitWriter.Committed) writer.commit(stop(base))).sha();
    String paused = elsewhere("guests.yaml", GUESTS.replace("power: running", "power: paused"));

    assertThat(writer.revert(stopped, "Revert", ALICE, root -> java.util.Optional.empty()))
        .isEqualTo(new GitWriter.Conflict(java.util.List.of("guests.yaml"), paused));
    String other = elsewhere("remotes.yaml", "# again\n");
    assertThat(
            writer.revert(
                other, "Revert", ALICE, root -> java.util.Optional.of("Admin on / needed")))
        .isEqualTo(new GitWriter.Refused("Admin on / needed"));
    assertThat(head().getName()).isEqualTo(other);
    assertThat(writer.previewRevert("0".repeat(40))).isEmpty();
  }

  @Test
  void inReviewModeTheChangeGoesToANewBranchAndTheFollowedOneIsUntouched() throws Exception {
    GitWriter review =
        new GitWriter(
            GitSourceSettings.of(bare.toUri().toString(), "main", work.resolve("review")),
            CONTROLLER,
            GitWriter.Mode.REVIEW);

    GitWriter.Outcome first = review.commit(stop(base));
    GitWriter.Outcome second =
        review.commit(
            new Change(
                base,
                Map.of(
                    "guests.yaml",
                    GitWriter.FileEdit.write(GUESTS.replace("power: running", "power: paused"))),
                "Stop web",
                ALICE));

    assertThat(first).isInstanceOf(GitWriter.Proposed.class);
    GitWriter.Proposed proposed = (GitWriter.Proposed) first;
    assertThat(proposed.branch())
        .isEqualTo("pdm-gitops/alice/stop-web-" + proposed.sha().substring(0, 7));
    assertThat(head().getName()).as("main is untouched").isEqualTo(base);
    try (Git git = Git.open(bare.toFile())) {
      RevCommit pushed =
          git.getRepository()
              .parseCommit(git.getRepository().resolve("refs/heads/" + proposed.branch()));
      assertThat(pushed.getAuthorIdent().getEmailAddress()).isEqualTo("alice@corp.example");
      assertThat(pushed.getParent(0).getName()).isEqualTo(base);
    }
    assertThat(((GitWriter.Proposed) second).branch())
        .as("another proposal never reuses a branch")
        .isNotEqualTo(proposed.branch());
  }

  @Test
  void branchNamesAreSlugs() {
    assertThat(GitWriter.slug("Shut down dns-01 (east)!", 40)).isEqualTo("shut-down-dns-01-east");
    assertThat(GitWriter.slug("Revert \"A very long subject that goes on and on\"", 20))
        .isEqualTo("revert-a-very-long-s");
    assertThat(GitWriter.slug("+++", 10)).isEqualTo("change");
  }

  @Test
  void anUnreachableRepositoryFailsWithTheReasonAndNoCredentials() {
    GitWriter broken =
        new GitWriter(
            GitSourceSettings.of("https://127.0.0.1:1/fleet.git", "main", work.resolve("x"))
                .withHttpsToken("secret-token-value"),
            CONTROLLER);

    GitWriter.Outcome outcome = broken.commit(stop(base));

    assertThat(outcome).isInstanceOf(GitWriter.Failed.class);
    assertThat(((GitWriter.Failed) outcome).reason()).doesNotContain("secret-token-value");
  }
}
