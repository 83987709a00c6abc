package io.pdmgitops.controller.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pdmgitops.model.load.DesiredStateLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Git source against real repositories in temp directories: each new commit is loaded, a bad
 * commit is refused while the last good snapshot stays in force, and triggers are coalesced.
 */
class GitSourceIT {
  static final Path DEMO = Path.of("../examples/demo-repo");
  static final String BAD_GUEST =
      "apiVersion: pdm-gitops/v1\nkind: Guest\nmetadata: {name: bad}\n"
          + "spec: {remote: dc-eats, vmid: 999, type: qemu, name: bad}\n";

  @TempDir Path upstream;
  @TempDir Path work;
  TestRepository repo;
  SnapshotTracker tracker;
  final List<CommitOutcome> outcomes = new CopyOnWriteArrayList<>();
  final List<GitSourceException> errors = new CopyOnWriteArrayList<>();
  GitPoller poller;

  @BeforeEach
  void setUp() throws Exception {
    repo = new TestRepository(upstream);
    tracker = new SnapshotTracker(DesiredStateLoader.withFileCache());
  }

  @AfterEach
  void tearDown() {
    if (poller != null) {
      poller.close();
    }
    repo.close();
  }

  GitPoller poller(GitSourceSettings settings, Duration interval) {
    poller =
        new GitPoller(
            new GitSource(settings),
            tracker,
            interval,
            0.1,
            () -> 0.5,
            outcomes::add,
            failure -> failure.ifPresent(errors::add));
    return poller;
  }

  @Test
  void loadsTheHeadCommitAndRemembersWhoMadeIt() throws Exception {
    String sha = repo.commitTree(DEMO, "Add the demo fleet");
    poller(GitSourceSettings.of(repo.url(), "main", work), Duration.ofHours(1)).start();

    await().atMost(Duration.ofSeconds(20)).until(() -> !outcomes.isEmpty());

    CommitOutcome outcome = outcomes.get(0);
    assertThat(outcome).isInstanceOf(CommitOutcome.Accepted.class);
    assertThat(outcome.commit().sha()).isEqualTo(sha);
    assertThat(outcome.commit().author()).isEqualTo("Alice Admin <alice@corp.example>");
    assertThat(outcome.commit().message()).isEqualTo("Add the demo fleet");
    assertThat(tracker.state().orElseThrow().guests()).hasSize(20);
  }

  @Test
  void aCommitThatDoesNotValidateIsRefusedAndTheLastGoodSnapshotStays() throws Exception {
    String good = repo.commitTree(DEMO, "good");
    poller(GitSourceSettings.of(repo.url(), "main", work), Duration.ofHours(1)).start();
    await().atMost(Duration.ofSeconds(20)).until(() -> outcomes.size() == 1);

    String bad = repo.write("guests/bad.yaml", BAD_GUEST, "typo in remote");
    poller.trigger();
    await().atMost(Duration.ofSeconds(20)).until(() -> outcomes.size() == 2);

    CommitOutcome rejected = outcomes.get(1);
    assertThat(rejected).isInstanceOf(CommitOutcome.Rejected.class);
    assertThat(rejected.commit().sha()).isEqualTo(bad);
    assertThat(((CommitOutcome.Rejected) rejected).problems())
        .anySatisfy(
            p -> {
              assertThat(p.location().file()).isEqualTo("guests/bad.yaml");
              assertThat(p.message()).isEqualTo("no Remote named 'dc-eats'");
            });
    assertThat(tracker.lastGood().orElseThrow().commit().sha()).isEqualTo(good);
    assertThat(tracker.state().orElseThrow().guest("bad")).isEmpty();
    assertThat(tracker.latest().orElseThrow()).isSameAs(rejected);
  }

  @Test
  void readsOnlyTheConfiguredSubdirectory() throws Exception {
    repo.write(
        "fleet/remotes.yaml",
        java.nio.file.Files.readString(DEMO.resolve("remotes/dc-east.yaml")),
        "fleet");
    repo.write("other/broken.yaml", "not: [valid", "unrelated files");
    poller(
            GitSourceSettings.of(repo.url(), "main", work).withSubdirectory("fleet"),
            Duration.ofHours(1))
        .start();

    await().atMost(Duration.ofSeconds(20)).until(() -> !outcomes.isEmpty());

    assertThat(outcomes.get(0)).isInstanceOf(CommitOutcome.Accepted.class);
    assertThat(tracker.state().orElseThrow().remotes()).hasSize(1);
  }

  @Test
  void aBurstOfTriggersIsCoalescedWithoutLosingTheLastCommit() throws Exception {
    repo.commitTree(DEMO, "first");
    AtomicInteger fetches = new AtomicInteger();
    poller =
        new GitPoller(
            new CountingSource(GitSourceSettings.of(repo.url(), "main", work), fetches),
            tracker,
            Duration.ofHours(1),
            0,
            () -> 0.5,
            outcomes::add,
            failure -> failure.ifPresent(errors::add));
    poller.start();
    await().atMost(Duration.ofSeconds(20)).until(() -> outcomes.size() == 1);

    String last = null;
    for (int i = 0; i < 5; i++) {
      last = repo.write("notes/n" + i + ".yaml", "", "commit " + i);
      for (int t = 0; t < 20; t++) {
        poller.trigger();
      }
    }
    String expected = last;

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                tracker.lastGood().map(g -> g.commit().sha()).orElse("").equals(expected)
                    && poller.lastSha().orElse("").equals(expected));
    assertThat(fetches.get()).isLessThan(1 + 5 * 20);
    assertThat(tracker.lastGood().orElseThrow().commit().sha()).isEqualTo(expected);
  }

  @Test
  void aMissingBranchIsAClearErrorWithoutCredentials() throws Exception {
    repo.commitTree(DEMO, "first");
    poller(GitSourceSettings.of(repo.url(), "release", work), Duration.ofHours(1)).start();

    await().atMost(Duration.ofSeconds(20)).until(() -> !errors.isEmpty());

    assertThat(errors.get(0).getMessage()).contains("release").contains(repo.url());
    assertThat(tracker.state()).isEmpty();
  }

  @Test
  void settingsNeverPrintCredentials() {
    GitSourceSettings settings =
        new GitSourceSettings(
            "https://user:hunter2@git.example/fleet.git",
            "main",
            java.util.Optional.empty(),
            java.util.Optional.of(TokenSource.fixed("ghp_secret")),
            java.util.Optional.empty(),
            work,
            Duration.ofSeconds(5));

    assertThat(settings.toString()).doesNotContain("hunter2").doesNotContain("ghp_secret");
    assertThat(settings.redactedUrl()).isEqualTo("https://git.example/fleet.git");
  }

  /** Counts fetches, to show that triggers are coalesced. */
  static final class CountingSource extends GitSource {
    private final AtomicInteger fetches;

    CountingSource(GitSourceSettings settings, AtomicInteger fetches) {
      super(settings);
      this.fetches = fetches;
    }

    @Override
    public CommitInfo fetch() throws GitSourceException {
      fetches.incrementAndGet();
      return super.fetch();
    }
  }
}
