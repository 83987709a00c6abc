package io.pdmgitops.controller.store;

import static io.pdmgitops.controller.store.Jdbc.clip;
import static io.pdmgitops.controller.store.Jdbc.instant;
import static io.pdmgitops.controller.store.Jdbc.optionalInstant;
import static io.pdmgitops.controller.store.Jdbc.utc;

import io.pdmgitops.controller.conditions.Conditions;
import io.pdmgitops.controller.git.CommitInfo;
import io.pdmgitops.controller.git.CommitOutcome;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.load.Problem;
import io.pdmgitops.reconcilers.engine.JournaledAction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Commits, their problems and the action journal through Spring's JdbcClient and portable SQL, the
 * same on H2 and PostgreSQL. Blocking: callers on reactive threads go through a scheduler for
 * blocking work. Times are stored as UTC.
 */
public final class JdbcStatusStore {
  private static final String JOURNAL_COLUMNS =
      "id, resource, remote, action, params, reason, commit_sha, state, created_at, upid,"
          + " sent_at, finished_at, exit_status";

  private final Jdbc jdbc;

  /** A store whose failures are reported to nobody but the caller, for tools and tests. */
  public JdbcStatusStore(DataSource dataSource) {
    this(dataSource, new Conditions(Clock.systemUTC()));
  }

  public JdbcStatusStore(DataSource dataSource, Conditions conditions) {
    this.jdbc = new Jdbc(dataSource, conditions);
  }

  /** Stores a fetched commit once, with its problems (errors, or the warnings of a good one). */
  public void recordCommit(CommitOutcome outcome, Instant fetchedAt) {
    CommitInfo commit = outcome.commit();
    List<Problem> problems =
        outcome instanceof CommitOutcome.Rejected r
            ? r.problems()
            : ((CommitOutcome.Accepted) outcome).warnings();
    jdbc.transaction(
        sql -> {
          boolean known =
              sql.sql("SELECT 1 FROM commits WHERE sha = ?")
                  .param(commit.sha())
                  .query(Integer.class)
                  .optional()
                  .isPresent();
          if (known) {
            return null;
          }
          sql.sql(
                  "INSERT INTO commits (sha, author, message, committed_at, fetched_at, valid)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")
              .params(
                  commit.sha(),
                  clip(commit.author(), 512),
                  clip(commit.message(), 4000),
                  utc(commit.time()),
                  utc(fetchedAt),
                  outcome instanceof CommitOutcome.Accepted)
              .update();
          for (Problem p : problems) {
            sql.sql(
                    "INSERT INTO commit_problems (sha, severity, file, line_no, column_no,"
                        + " object_ref, field, message, hint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                    commit.sha(),
                    p.severity().label(),
                    clip(p.location().file(), 1024),
                    p.location().line(),
                    p.location().column(),
                    p.object().map(o -> clip(o, 256)).orElse(null),
                    p.field().map(f -> clip(f, 512)).orElse(null),
                    clip(p.message(), 2000),
                    p.hint().map(h -> clip(h, 2000)).orElse(null))
                .update();
          }
          return null;
        });
  }

  /** The newest commits first. */
  public List<CommitRecord> recentCommits(int limit) {
    return jdbc.transaction(
        sql ->
            sql.sql(
                    "SELECT c.sha, c.author, c.message, c.committed_at, c.fetched_at, c.valid,"
                        + " (SELECT COUNT(*) FROM commit_problems p WHERE p.sha = c.sha)"
                        + " FROM commits c ORDER BY c.fetched_at DESC, c.sha")
                .withMaxRows(limit)
                .query(
                    (rs, n) ->
                        new CommitRecord(
                            new CommitInfo(
                                rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4)),
                            instant(rs, 5),
                            rs.getBoolean(6),
                            rs.getInt(7)))
                .list());
  }

  public List<StoredProblem> problems(String sha) {
    return jdbc.transaction(
        sql ->
            sql.sql(
                    "SELECT severity, file, line_no, column_no, object_ref, field, message, hint"
                        + " FROM commit_problems WHERE sha = ? ORDER BY id")
                .param(sha)
                .query(
                    (rs, n) ->
                        new StoredProblem(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getInt(3),
                            rs.getInt(4),
                            Optional.ofNullable(rs.getString(5)),
                            Optional.ofNullable(rs.getString(6)),
                            rs.getString(7),
                            Optional.ofNullable(rs.getString(8))))
                .list());
  }

  /**
   * Writes an action before it is sent; the id links the call's outcome back to it. Like every
   * journal write it is on disk when this returns, or it throws.
   */
  public long journal(JournaledAction action, String commitSha, Instant now) {
    return jdbc.durableTransaction(
        sql -> {
          KeyHolder keys = new GeneratedKeyHolder();
          sql.sql(
                  "INSERT INTO journal (resource, remote, action, params, reason, commit_sha,"
                      + " state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
              .params(
                  action.resource().toString(),
                  action.remote(),
                  action.action(),
                  action.params(),
                  clip(action.reason(), 1000),
                  commitSha,
                  JournalState.PLANNED.name(),
                  utc(now))
              .update(keys, "id");
          return keys.getKeyAs(Number.class).longValue();
        });
  }

  public void markSent(long id, String upid, Instant at) {
    update(
        "UPDATE journal SET state = ?, upid = ?, sent_at = ? WHERE id = ?",
        JournalState.SENT.name(),
        upid,
        utc(at),
        id);
  }

  public void markFinished(long id, String exitStatus, Instant at) {
    update(
        "UPDATE journal SET state = ?, exit_status = ?, finished_at = ? WHERE id = ?",
        JournalState.FINISHED.name(),
        clip(exitStatus, 1000),
        utc(at),
        id);
  }

  public void markNotSent(long id, String reason, Instant at) {
    update(
        "UPDATE journal SET state = ?, exit_status = ?, finished_at = ? WHERE id = ?",
        JournalState.NOT_SENT.name(),
        clip(reason, 1000),
        utc(at),
        id);
  }

  /** Actions whose end is not known: after a restart these are followed, never re-sent. */
  public List<JournalEntry> unfinished() {
    return journalWhere("state IN ('PLANNED', 'SENT')", 10_000);
  }

  public List<JournalEntry> recentActions(int limit) {
    return journalWhere("1 = 1", limit);
  }

  /** One resource's actions ({@code Guest/web-01}), newest first. */
  public List<JournalEntry> actionsFor(String resource, int limit) {
    return journalWhere("resource = ?", limit, resource);
  }

  /**
   * Keeps the newest {@code keepCommits} commits and nothing finished older than {@code maxAge}.
   */
  public int prune(int keepCommits, Duration maxAge, Instant now) {
    return jdbc.transaction(
        sql -> {
          List<String> old =
              sql
                  .sql("SELECT sha, fetched_at FROM commits ORDER BY fetched_at DESC, sha")
                  .query(
                      (rs, n) ->
                          n >= keepCommits || instant(rs, 2).isBefore(now.minus(maxAge))
                              ? rs.getString(1)
                              : null)
                  .list()
                  .stream()
                  .filter(sha -> sha != null)
                  .toList();
          int removed = 0;
          for (String sha : old) {
            sql.sql("DELETE FROM commit_problems WHERE sha = ?").param(sha).update();
            removed += sql.sql("DELETE FROM commits WHERE sha = ?").param(sha).update();
          }
          removed +=
              sql.sql(
                      "DELETE FROM journal WHERE state IN ('FINISHED', 'NOT_SENT')"
                          + " AND finished_at < ?")
                  .param(utc(now.minus(maxAge)))
                  .update();
          return removed;
        });
  }

  private List<JournalEntry> journalWhere(String condition, int limit, Object... values) {
    return jdbc.transaction(
        sql ->
            sql.sql(
                    "SELECT "
                        + JOURNAL_COLUMNS
                        + " FROM journal WHERE "
                        + condition
                        + " ORDER BY id DESC")
                .params(values)
                .withMaxRows(limit)
                .query(JdbcStatusStore::journalEntry)
                .list());
  }

  private static JournalEntry journalEntry(ResultSet rs, int row) throws SQLException {
    String resource = rs.getString(2);
    return new JournalEntry(
        rs.getLong(1),
        new JournaledAction(
            ObjectRef.parse(resource),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getString(6)),
        rs.getString(7),
        JournalState.valueOf(rs.getString(8)),
        instant(rs, 9),
        Optional.ofNullable(rs.getString(10)),
        optionalInstant(rs, 11),
        optionalInstant(rs, 12),
        Optional.ofNullable(rs.getString(13)));
  }

  /** One journal row's state change, on disk when this returns. */
  private void update(String statement, Object... values) {
    jdbc.durableTransaction(
        sql -> {
          if (sql.sql(statement).params(values).update() != 1) {
            throw new SQLException("no journal entry with that id");
          }
          return null;
        });
  }
}
