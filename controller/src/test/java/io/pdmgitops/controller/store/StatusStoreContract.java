package io.pdmgitops.controller.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pdmgitops.controller.git.CommitInfo;
import io.pdmgitops.controller.git.CommitOutcome;
import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.drift.GuestLocation;
import io.pdmgitops.model.load.DesiredStateLoader;
import io.pdmgitops.model.load.LoadResult;
import io.pdmgitops.model.observed.ObservedPower;
import io.pdmgitops.model.plan.ActionKind;
import io.pdmgitops.model.plan.PlannedAction;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the status store guarantees, on any database the changelog supports. Subclasses provide a
 * fresh, empty database per test: H2 always, PostgreSQL in CI.
 */
abstract class StatusStoreContract {
  static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

  DataSource dataSource;
  JdbcStatusStore store;

  /** An empty database, not yet migrated. */
  abstract DataSource emptyDatabase() throws Exception;

  /** The same database again, as after a restart of the controller. */
  abstract DataSource reopen() throws Exception;

  @BeforeEach
  void open() throws Exception {
    dataSource = emptyDatabase();
    SchemaMigrator.migrate(dataSource);
    store = new JdbcStatusStore(dataSource);
  }

  static CommitInfo commit(String sha, Instant at) {
    return new CommitInfo(sha, "Alice <alice@corp.example>", "change " + sha, at);
  }

  static PlannedAction shutdown(int vmid) {
    return new PlannedAction(
        new ObjectRef(Kind.GUEST, "web-" + vmid),
        new GuestLocation("dc-east", "pve1", GuestType.QEMU, vmid, ObservedPower.RUNNING),
        ActionKind.SHUTDOWN,
        "power: want stopped, is running",
        Optional.empty());
  }

  @Test
  void migratingTwiceChangesNothing() {
    SchemaMigrator.migrate(dataSource);

    assertThat(store.recentCommits(10)).isEmpty();
  }

  @Test
  void storesAcceptedAndRejectedCommitsWithTheirProblems() {
    LoadResult bad =
        new DesiredStateLoader()
            .load(Path.of("../model/src/test/resources/fixtures/invalid/guest-unknown-remote"));
    store.recordCommit(
        new CommitOutcome.Accepted(commit("aaa", T0), DesiredState.empty(), List.of()), T0);
    store.recordCommit(
        new CommitOutcome.Rejected(commit("bbb", T0.plusSeconds(60)), bad.problems()),
        T0.plusSeconds(60));
    store.recordCommit(
        new CommitOutcome.Rejected(commit("bbb", T0.plusSeconds(60)), bad.problems()),
        T0.plusSeconds(90));

    List<CommitRecord> commits = store.recentCommits(10);

    assertThat(commits).extracting(c -> c.commit().sha()).containsExactly("bbb", "aaa");
    assertThat(commits.get(0).valid()).isFalse();
    assertThat(commits.get(0).problems()).isEqualTo(1);
    assertThat(commits.get(1).valid()).isTrue();
    assertThat(commits.get(1).commit().author()).isEqualTo("Alice <alice@corp.example>");
    StoredProblem problem = store.problems("bbb").get(0);
    assertThat(problem.file()).isEqualTo("guest.yaml");
    assertThat(problem.line()).isEqualTo(6);
    assertThat(problem.column()).isEqualTo(11);
    assertThat(problem.message()).isEqualTo("no Remote named 'dc-eats'");
    assertThat(problem.hint()).contains("did you mean 'dc-east'?");
  }

  @Test
  void anActionIsJournaledBeforeItIsSentAndFollowedToItsEnd() {
    long id = store.journal(shutdown(100), "aaa", T0);

    assertThat(store.unfinished())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.state()).isEqualTo(JournalState.PLANNED);
              assertThat(e.upid()).isEmpty();
              assertThat(e.commitSha()).isEqualTo("aaa");
              assertThat(e.action()).isEqualTo(ActionKind.SHUTDOWN);
            });

    store.markSent(
        id, "UPID:pve1:00001000:00100000:6741C5A0:qmshutdown:100:ctl@pve!ctl:", T0.plusSeconds(1));
    assertThat(store.unfinished()).singleElement().satisfies(e -> assertThat(e.upid()).isPresent());

    store.markFinished(id, "OK", T0.plusSeconds(20));
    assertThat(store.unfinished()).isEmpty();
    JournalEntry done = store.recentActions(10).get(0);
    assertThat(done.exitStatus()).contains("OK");
    assertThat(done.finishedAt()).contains(T0.plusSeconds(20));
  }

  @Test
  void theJournalSurvivesARestart() throws Exception {
    long id = store.journal(shutdown(101), "aaa", T0);

    DataSource reopened = reopen();
    SchemaMigrator.migrate(reopened);

    assertThat(new JdbcStatusStore(reopened).unfinished())
        .extracting(JournalEntry::id)
        .containsExactly(id);
  }

  @Test
  void theJournalPortGivesBackWhatFollowUpNeeds() {
    StoreActionJournal journal =
        new StoreActionJournal(store, java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC));
    long id = journal.planned(shutdown(102), "abc");
    journal.sent(id, "UPID:pve1:00001000:00100000:6741C5A0:qmshutdown:102:ctl@pve!ctl:");

    var entry = journal.unfinished("Guest/web-102").orElseThrow();

    assertThat(entry.id()).isEqualTo(id);
    assertThat(entry.action().guest()).isEqualTo(new ObjectRef(Kind.GUEST, "web-102"));
    assertThat(entry.action().at().type()).isEqualTo(GuestType.QEMU);
    assertThat(entry.action().at().node()).isEqualTo("pve1");
    assertThat(entry.action().kind()).isEqualTo(ActionKind.SHUTDOWN);
    assertThat(entry.upid()).hasValueSatisfying(u -> assertThat(u).contains("qmshutdown"));
    assertThat(entry.createdEpochSecond()).isEqualTo(T0.getEpochSecond());
  }

  @Test
  void markingAnUnknownEntryFails() {
    assertThatThrownBy(() -> store.markSent(999, "UPID:x", T0))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void retentionIsBoundedByCountAndAge() {
    Instant recent = T0.plus(Duration.ofDays(20));
    for (int i = 0; i < 5; i++) {
      store.recordCommit(
          new CommitOutcome.Accepted(
              commit("c" + i, recent.plusSeconds(i)), DesiredState.empty(), List.of()),
          recent.plusSeconds(i));
    }
    long old = store.journal(shutdown(100), "c0", T0);
    store.markFinished(old, "OK", T0);
    long open = store.journal(shutdown(101), "c0", T0);

    // The commits are recent but more than three; the finished action is older than a week.
    int removed = store.prune(3, Duration.ofDays(7), T0.plus(Duration.ofDays(21)));

    assertThat(store.recentCommits(10))
        .extracting(c -> c.commit().sha())
        .containsExactly("c4", "c3", "c2");
    assertThat(store.unfinished()).extracting(JournalEntry::id).containsExactly(open);
    assertThat(removed).isEqualTo(3);
  }
}
