package io.pdmgitops.controller.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pdmgitops.controller.conditions.Conditions;
import io.pdmgitops.controller.git.CommitInfo;
import io.pdmgitops.controller.git.CommitOutcome;
import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.drift.DriftField;
import io.pdmgitops.model.drift.DriftReport;
import io.pdmgitops.model.drift.FieldDrift;
import io.pdmgitops.model.drift.GuestField;
import io.pdmgitops.model.drift.GuestLocation;
import io.pdmgitops.model.drift.Health;
import io.pdmgitops.model.drift.ResourceStatus;
import io.pdmgitops.model.drift.SyncStatus;
import io.pdmgitops.model.load.DesiredStateLoader;
import io.pdmgitops.model.load.LoadResult;
import io.pdmgitops.model.observed.ObservedPower;
import io.pdmgitops.model.plan.GuestAction;
import io.pdmgitops.model.plan.GuestTarget;
import io.pdmgitops.model.plan.PlannedAction;
import io.pdmgitops.reconcilers.engine.JournaledAction;
import io.pdmgitops.reconcilers.guest.GuestJournalCodec;
import io.pdmgitops.webui.audit.AuditEntry;
import io.pdmgitops.webui.audit.AuditKind;
import io.pdmgitops.webui.audit.AuditQuery;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  static JournaledAction shutdown(int vmid) {
    return GuestJournalCodec.encode(
        PlannedAction.guest(
            new ObjectRef(Kind.GUEST, "web-" + vmid),
            new GuestLocation("dc-east", "pve1", GuestType.QEMU, vmid, ObservedPower.RUNNING),
            GuestAction.SHUTDOWN,
            "power: want stopped, is running",
            Optional.empty()));
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
              assertThat(e.actionName()).isEqualTo("SHUTDOWN");
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

    var entry = journal.unfinished(new ObjectRef(Kind.GUEST, "web-102")).orElseThrow();

    assertThat(entry.id()).isEqualTo(id);
    assertThat(entry.action()).isEqualTo(shutdown(102));
    PlannedAction decoded = GuestJournalCodec.decode(entry.action());
    assertThat(decoded.resource()).isEqualTo(new ObjectRef(Kind.GUEST, "web-102"));
    assertThat(GuestTarget.of(decoded).at().type()).isEqualTo(GuestType.QEMU);
    assertThat(GuestTarget.of(decoded).at().node()).isEqualTo("pve1");
    assertThat(GuestTarget.of(decoded).at().vmid()).isEqualTo(102);
    assertThat(decoded.type()).isEqualTo(GuestAction.SHUTDOWN);
    assertThat(entry.upid()).hasValueSatisfying(u -> assertThat(u).contains("qmshutdown"));
    assertThat(entry.createdEpochSecond()).isEqualTo(T0.getEpochSecond());
  }

  @Test
  void journalRowsOfAnOlderReleaseAreFollowedWithTheirGuestsPlace() throws Exception {
    DataSource older = emptyDatabase();
    SchemaMigrator.migrate(older, 9); // up to 9-passkeys: node, vmid and guest_type columns
    try (Connection c = older.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO journal (resource, remote, node, vmid, action, reason, commit_sha,"
                    + " state, created_at, guest_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, "Guest/dns-07");
      insert.setString(2, "dc-east");
      insert.setString(3, "pve2");
      insert.setInt(4, 107);
      insert.setString(5, "START");
      insert.setString(6, "power: want running, is stopped");
      insert.setString(7, "c0ffee");
      insert.setString(8, "SENT");
      insert.setObject(9, LocalDateTime.ofInstant(T0, ZoneOffset.UTC));
      insert.setString(10, "lxc");
      insert.executeUpdate();
    }

    SchemaMigrator.migrate(older);

    StoreActionJournal journal =
        new StoreActionJournal(
            new JdbcStatusStore(older), java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC));
    var entry = journal.unfinished(new ObjectRef(Kind.GUEST, "dns-07")).orElseThrow();
    PlannedAction decoded = GuestJournalCodec.decode(entry.action());
    assertThat(decoded.remote()).isEqualTo("dc-east");
    assertThat(decoded.type()).isEqualTo(GuestAction.START);
    assertThat(GuestTarget.of(decoded).at())
        .satisfies(
            at -> {
              assertThat(at.node()).isEqualTo("pve2");
              assertThat(at.vmid()).isEqualTo(107);
              assertThat(at.type()).isEqualTo(GuestType.LXC);
            });
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

  static DriftReport report(Instant at, ResourceStatus... statuses) {
    return new DriftReport(at, List.of(statuses), List.of());
  }

  static ResourceStatus web(SyncStatus sync, List<FieldDrift> drifts, String message) {
    return new ResourceStatus(
        new ObjectRef(Kind.GUEST, "web"),
        sync,
        Health.HEALTHY,
        drifts,
        DriftPolicy.ENFORCE,
        true,
        message,
        Optional.of(
            new GuestLocation("dc-east", "pve1", GuestType.QEMU, 100, ObservedPower.RUNNING)));
  }

  static ResourceStatus remote(Health health) {
    return new ResourceStatus(
        new ObjectRef(Kind.REMOTE, "dc-east"),
        health == Health.HEALTHY ? SyncStatus.SYNCED : SyncStatus.UNKNOWN,
        health,
        List.of(),
        DriftPolicy.ENFORCE,
        health == Health.HEALTHY,
        health == Health.HEALTHY ? "" : "connection refused",
        Optional.empty());
  }

  @Test
  void aChangedVerdictIsStoredWithItsDriftsAndOneEventAndAnUnchangedOneWritesNothing() {
    JdbcResourceStore resources = new JdbcResourceStore(dataSource);
    StatusRecorder recorder = new StatusRecorder(resources, Clock.fixed(T0, ZoneOffset.UTC));
    FieldDrift power = new FieldDrift(GuestField.POWER, "stopped", "running");

    assertThat(
            recorder.record(
                report(T0, web(SyncStatus.SYNCED, List.of(), ""), remote(Health.HEALTHY)),
                Optional.of("aaa")))
        .isEqualTo(2);
    assertThat(
            recorder.record(
                report(T0, web(SyncStatus.SYNCED, List.of(), ""), remote(Health.HEALTHY)),
                Optional.of("aaa")))
        .isZero();
    recorder.record(
        report(
            T0,
            web(SyncStatus.OUT_OF_SYNC, List.of(power), "power: want stopped, is running"),
            remote(Health.HEALTHY)),
        Optional.of("bbb"));

    StoredStatus stored = resources.statuses().get("Guest/web");
    assertThat(stored.sync()).isEqualTo("OUT_OF_SYNC");
    assertThat(stored.drifts())
        .as("read back by path: the store knows no kind's field enum")
        .containsExactly(new FieldDrift(DriftField.named("power"), "stopped", "running"));
    assertThat(stored.vmid()).contains(100);
    assertThat(resources.statuses().get("Remote/dc-east").vmid()).isEmpty();
    List<StoredEvent> events = resources.recentEvents(Optional.of("Guest/web"), 10);
    assertThat(events).hasSize(2);
    assertThat(events.get(0).message())
        .isEqualTo("OUT_OF_SYNC, HEALTHY (was SYNCED, HEALTHY): power: want stopped, is running");
    assertThat(events.get(0).commitSha()).contains("bbb");
  }

  @Test
  void afterARestartOnlyRealChangesAreReportedAndUndeclaredResourcesGo() throws Exception {
    StatusRecorder first =
        new StatusRecorder(new JdbcResourceStore(dataSource), Clock.fixed(T0, ZoneOffset.UTC));
    first.record(
        report(T0, web(SyncStatus.SYNCED, List.of(), ""), remote(Health.HEALTHY)),
        Optional.of("aaa"));

    JdbcResourceStore reopened = new JdbcResourceStore(reopen());
    StatusRecorder second =
        new StatusRecorder(reopened, Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
    assertThat(second.record(report(T0, remote(Health.UNKNOWN)), Optional.of("ccc"))).isEqualTo(1);

    assertThat(reopened.statuses()).containsOnlyKeys("Remote/dc-east");
    assertThat(reopened.statuses().get("Remote/dc-east").since()).isEqualTo(T0.plusSeconds(60));
    assertThat(reopened.recentEvents(Optional.empty(), 10))
        .extracting(StoredEvent::type)
        .containsExactlyInAnyOrder(
            EventType.STATUS_CHANGED,
            EventType.RESOURCE_REMOVED,
            EventType.STATUS_CHANGED,
            EventType.STATUS_CHANGED);
  }

  @Test
  void aFailedWriteLeavesTheStoredStatusAsItWas() {
    JdbcResourceStore resources = new JdbcResourceStore(dataSource);
    StoredStatus synced = StoredStatus.of(web(SyncStatus.SYNCED, List.of(), ""), T0);
    resources.apply(List.of(synced), List.of(), List.of(), T0);
    StoredStatus changed =
        StoredStatus.of(
            web(SyncStatus.OUT_OF_SYNC, List.of(new FieldDrift(GuestField.POWER, "a", "b")), "x"),
            T0);

    // The same resource twice in one write violates the key: all of it must roll back.
    assertThatThrownBy(() -> resources.apply(List.of(changed, changed), List.of(), List.of(), T0))
        .isInstanceOf(IllegalStateException.class);

    assertThat(resources.statuses().get("Guest/web").sync()).isEqualTo("SYNCED");
    assertThat(resources.statuses().get("Guest/web").drifts()).isEmpty();
  }

  @Test
  void eventRetentionKeepsTheNewestAndDropsTheOld() {
    JdbcResourceStore resources = new JdbcResourceStore(dataSource);
    for (int i = 0; i < 10; i++) {
      resources.event(
          new JdbcResourceStore.NewEvent(
              EventType.COMMIT_ACCEPTED, Optional.empty(), Optional.of("c" + i), "accepted: " + i),
          T0.plus(Duration.ofDays(i)));
    }

    int removed = resources.pruneEvents(5, Duration.ofDays(7), T0.plus(Duration.ofDays(10)));

    // Older than 7 days: c0-c2; beyond the newest 5: c3 and c4.
    assertThat(removed).isEqualTo(5);
    assertThat(resources.recentEvents(Optional.empty(), 100))
        .extracting(e -> e.commitSha().orElseThrow())
        .containsExactly("c9", "c8", "c7", "c6", "c5");
  }

  static JdbcSecondFactors.Passkey passkey(String id, String user, long count) {
    return new JdbcSecondFactors.Passkey(
        id, user, "key " + id, "AAAA", count, true, false, false, T0, Optional.empty());
  }

  @Test
  void aTotpCodeIsAcceptedOnceAndARecoveryCodeIsUsedUp() {
    JdbcSecondFactors factors =
        new JdbcSecondFactors(dataSource, new Conditions(Clock.fixed(T0, ZoneOffset.UTC)));

    factors.enrol("ann@pdm", "sealed:abc", 100, T0, List.of("r1", "r2"));

    assertThat(factors.totp("ann@pdm"))
        .hasValueSatisfying(
            e -> {
              assertThat(e.sealedSecret()).isEqualTo("sealed:abc");
              assertThat(e.lastStep()).isEqualTo(100);
              assertThat(e.enrolledAt()).isEqualTo(T0);
            });
    assertThat(factors.totp("bob@pdm")).isEmpty();
    assertThat(factors.accept("ann@pdm", 101)).isTrue();
    assertThat(factors.accept("ann@pdm", 101)).as("the same step twice").isFalse();
    assertThat(factors.accept("ann@pdm", 99)).as("an older step").isFalse();
    assertThat(factors.useRecovery("ann@pdm", "r1")).isTrue();
    assertThat(factors.useRecovery("ann@pdm", "r1")).as("used up").isFalse();
    assertThat(factors.useRecovery("bob@pdm", "r2")).as("another user's").isFalse();
    assertThat(factors.recoveryLeft("ann@pdm")).isOne();
    factors.remove("ann@pdm");
    assertThat(factors.totp("ann@pdm")).isEmpty();
    assertThat(factors.recoveryLeft("ann@pdm")).as("the only factor went").isZero();
  }

  @Test
  void recoveryCodesComeWithTheFirstFactorAndGoWithTheLast() {
    JdbcSecondFactors factors =
        new JdbcSecondFactors(dataSource, new Conditions(Clock.fixed(T0, ZoneOffset.UTC)));

    assertThat(factors.addPasskey(passkey("k1", "ann@pdm", 0), List.of("h1", "h2")))
        .as("the first factor stores the codes")
        .isTrue();
    assertThat(factors.addPasskey(passkey("k2", "ann@pdm", 5), List.of("h3", "h4")))
        .as("a second one keeps them")
        .isFalse();
    assertThat(factors.recoveryLeft("ann@pdm")).isEqualTo(2);
    factors.enrol("ann@pdm", "sealed", 1, T0, List.of("a", "b", "c"));
    assertThat(factors.recoveryLeft("ann@pdm")).as("an app enrolment replaces them").isEqualTo(3);
    factors.remove("ann@pdm");
    assertThat(factors.recoveryLeft("ann@pdm")).as("passkeys remain").isEqualTo(3);
    assertThat(factors.removePasskey("bob@pdm", "k1")).as("another user's").isFalse();
    assertThat(factors.removePasskey("ann@pdm", "k1")).isTrue();
    assertThat(factors.recoveryLeft("ann@pdm")).isEqualTo(3);
    assertThat(factors.removePasskey("ann@pdm", "k2")).isTrue();
    assertThat(factors.recoveryLeft("ann@pdm")).as("the last factor went").isZero();
  }

  @Test
  void aPasskeyCounterMovesOnlyFromTheValueTheCheckSaw() {
    JdbcSecondFactors factors =
        new JdbcSecondFactors(dataSource, new Conditions(Clock.fixed(T0, ZoneOffset.UTC)));
    factors.addPasskey(passkey("k1", "ann@pdm", 5), List.of());

    assertThat(factors.usePasskey("k1", 5, 6, T0.plusSeconds(1))).isTrue();
    assertThat(factors.usePasskey("k1", 5, 7, T0.plusSeconds(2)))
        .as("a second use that read the old counter")
        .isFalse();
    assertThat(factors.passkeys("ann@pdm"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.signCount()).isEqualTo(6);
              assertThat(p.lastUsedAt()).contains(T0.plusSeconds(1));
            });
    factors.removeAll("ann@pdm");
    assertThat(factors.passkeys("ann@pdm")).isEmpty();
  }

  static JdbcTokenStore.StoredToken token(String user, String name) {
    return new JdbcTokenStore.StoredToken(
        user + "!" + name,
        user,
        name,
        "$argon2id$hash-of-" + name,
        Optional.of("/remotes/dc-east"),
        Optional.of(T0.plus(Duration.ofDays(30))),
        T0,
        "ci");
  }

  @Test
  void personalTokensAreKeptOnePerNameAndTheirLastUseOnlyMovesForward() {
    JdbcTokenStore tokens =
        new JdbcTokenStore(dataSource, new Conditions(Clock.fixed(T0, ZoneOffset.UTC)));

    assertThat(tokens.add(token("ann@pdm", "ci"))).isTrue();
    assertThat(tokens.add(token("ann@pdm", "ci"))).as("the same name twice").isFalse();
    assertThat(tokens.add(token("ann@pdm", "metrics"))).isTrue();
    assertThat(tokens.find("ann@pdm!ci"))
        .hasValueSatisfying(
            t -> {
              assertThat(t.path()).contains("/remotes/dc-east");
              assertThat(t.expiresAt()).contains(T0.plus(Duration.ofDays(30)));
            });
    assertThat(tokens.of("ann@pdm"))
        .extracting(JdbcTokenStore.StoredToken::name)
        .containsExactlyInAnyOrder("ci", "metrics");

    tokens.used(Map.of("ann@pdm!ci", T0.plusSeconds(60)));
    tokens.used(Map.of("ann@pdm!ci", T0.plusSeconds(30))); // an older report arrives late
    assertThat(tokens.lastUses(List.of("ann@pdm!ci", "ann@pdm!metrics")))
        .containsExactly(Map.entry("ann@pdm!ci", T0.plusSeconds(60)));

    assertThat(tokens.revoke("ann@pdm", "ci")).isTrue();
    assertThat(tokens.revoke("ann@pdm", "ci")).isFalse();
    assertThat(tokens.find("ann@pdm!ci")).isEmpty();
    for (int i = 0; i < JdbcTokenStore.MAX_PER_USER - 1; i++) {
      assertThat(tokens.add(token("bob@pdm", "t" + i))).isTrue();
    }
    assertThat(tokens.add(token("bob@pdm", "last-allowed"))).isTrue();
    assertThat(tokens.add(token("bob@pdm", "beyond")))
        .as("at most %d", JdbcTokenStore.MAX_PER_USER)
        .isFalse();
  }

  @Test
  void theAuditLogFiltersByKindAndActorTextAndKeepsTheNewest() {
    JdbcAuditLog audit =
        new JdbcAuditLog(dataSource, new Conditions(Clock.fixed(T0, ZoneOffset.UTC)));
    List<AuditEntry> entries = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      entries.add(
          new AuditEntry(
              T0.plus(Duration.ofDays(i)),
              i % 2 == 0 ? AuditKind.LOGIN : AuditKind.LOGIN_FAILED,
              i == 9 ? "a_b%c@pdm" : "user" + i + "@pdm",
              "192.0.2." + i,
              "password",
              ""));
    }
    audit.append(entries);

    assertThat(audit.read(new AuditQuery(Optional.of(AuditKind.LOGIN), Optional.empty(), 100)))
        .extracting(AuditEntry::actor)
        .containsExactly("user8@pdm", "user6@pdm", "user4@pdm", "user2@pdm", "user0@pdm");
    // The actor filter is text, not a pattern: _ and % match only themselves.
    assertThat(audit.read(new AuditQuery(Optional.empty(), Optional.of("B%C"), 100)))
        .extracting(AuditEntry::actor)
        .containsExactly("a_b%c@pdm");
    assertThat(audit.read(new AuditQuery(Optional.empty(), Optional.of("r_"), 100))).isEmpty();
    assertThat(audit.read(new AuditQuery(Optional.empty(), Optional.empty(), 3))).hasSize(3);

    int removed = audit.prune(5, Duration.ofDays(7), T0.plus(Duration.ofDays(10)));

    assertThat(removed).isEqualTo(5);
    assertThat(audit.read(new AuditQuery(Optional.empty(), Optional.empty(), 100)))
        .extracting(AuditEntry::address)
        .containsExactly("192.0.2.9", "192.0.2.8", "192.0.2.7", "192.0.2.6", "192.0.2.5");
  }
}
