package io.pdmgitops.controller.store;

import static io.pdmgitops.controller.store.Jdbc.clip;
import static io.pdmgitops.controller.store.Jdbc.instant;
import static io.pdmgitops.controller.store.Jdbc.optionalInstant;
import static io.pdmgitops.controller.store.Jdbc.utc;

import io.pdmgitops.controller.conditions.Conditions;
import io.pdmgitops.controller.git.CommitInfo;
import io.pdmgitops.controller.git.CommitOutcome;
import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.load.Problem;
import io.pdmgitops.model.plan.ActionKind;
import io.pdmgitops.model.plan.PlannedAction;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Commits, their problems and the action journal over plain JDBC and portable SQL, the same on H2
 * and PostgreSQL. Blocking: callers on reactive threads go through a scheduler for blocking work.
 * Times are stored as UTC.
 */
public final class JdbcStatusStore {
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
    jdbc.inTransaction(
        c -> {
          try (PreparedStatement exists =
              c.prepareStatement("SELECT 1 FROM commits WHERE sha = ?")) {
            exists.setString(1, commit.sha());
            try (ResultSet rs = exists.executeQuery()) {
              if (rs.next()) {
                return null;
              }
            }
          }
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO commits (sha, author, message, committed_at, fetched_at, valid)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, commit.sha());
            insert.setString(2, clip(commit.author(), 512));
            insert.setString(3, clip(commit.message(), 4000));
            insert.setObject(4, utc(commit.time()));
            insert.setObject(5, utc(fetchedAt));
            insert.setBoolean(6, outcome instanceof CommitOutcome.Accepted);
            insert.executeUpdate();
          }
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO commit_problems (sha, severity, file, line_no, column_no, object_ref,"
                      + " field, message, hint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Problem p : problems) {
              insert.setString(1, commit.sha());
              insert.setString(2, p.severity().label());
              insert.setString(3, clip(p.location().file(), 1024));
              insert.setInt(4, p.location().line());
              insert.setInt(5, p.location().column());
              insert.setString(6, p.object().map(o -> clip(o, 256)).orElse(null));
              insert.setString(7, p.field().map(f -> clip(f, 512)).orElse(null));
              insert.setString(8, clip(p.message(), 2000));
              insert.setString(9, p.hint().map(h -> clip(h, 2000)).orElse(null));
              insert.addBatch();
            }
            insert.executeBatch();
          }
          return null;
        });
  }

  /** The newest commits first. */
  public List<CommitRecord> recentCommits(int limit) {
    return jdbc.inTransaction(
        c -> {
          List<CommitRecord> out = new ArrayList<>();
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT c.sha, c.author, c.message, c.committed_at, c.fetched_at, c.valid,"
                      + " (SELECT COUNT(*) FROM commit_problems p WHERE p.sha = c.sha)"
                      + " FROM commits c ORDER BY c.fetched_at DESC, c.sha")) {
            q.setMaxRows(limit);
            try (ResultSet rs = q.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new CommitRecord(
                        new CommitInfo(
                            rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4)),
                        instant(rs, 5),
                        rs.getBoolean(6),
                        rs.getInt(7)));
              }
            }
          }
          return out;
        });
  }

  public List<StoredProblem> problems(String sha) {
    return jdbc.inTransaction(
        c -> {
          List<StoredProblem> out = new ArrayList<>();
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT severity, file, line_no, column_no, object_ref, field, message, hint"
                      + " FROM commit_problems WHERE sha = ? ORDER BY id")) {
            q.setString(1, sha);
            try (ResultSet rs = q.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new StoredProblem(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        Optional.ofNullable(rs.getString(5)),
                        Optional.ofNullable(rs.getString(6)),
                        rs.getString(7),
                        Optional.ofNullable(rs.getString(8))));
              }
            }
          }
          return out;
        });
  }

  /**
   * Writes an action before it is sent; the id links the call's outcome back to it. Like every
   * journal write it is on disk when this returns, or it throws.
   */
  public long journal(PlannedAction action, String commitSha, Instant now) {
    return jdbc.inDurableTransaction(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO journal (resource, remote, node, vmid, action, reason, commit_sha,"
                      + " state, created_at, guest_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, action.guest().toString());
            insert.setString(2, action.at().remote());
            insert.setString(3, action.at().node());
            insert.setInt(4, action.at().vmid());
            insert.setString(5, action.kind().name());
            insert.setString(6, clip(action.reason(), 1000));
            insert.setString(7, commitSha);
            insert.setString(8, JournalState.PLANNED.name());
            insert.setObject(9, utc(now));
            insert.setString(10, action.at().type().wire());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
              keys.next();
              return keys.getLong(1);
            }
          }
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
    return jdbc.inTransaction(
        c -> {
          int removed = 0;
          List<String> old = new ArrayList<>();
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT sha, fetched_at FROM commits ORDER BY fetched_at DESC, sha")) {
            try (ResultSet rs = q.executeQuery()) {
              int seen = 0;
              while (rs.next()) {
                seen++;
                if (seen > keepCommits || instant(rs, 2).isBefore(now.minus(maxAge))) {
                  old.add(rs.getString(1));
                }
              }
            }
          }
          try (PreparedStatement problems =
                  c.prepareStatement("DELETE FROM commit_problems WHERE sha = ?");
              PreparedStatement commits = c.prepareStatement("DELETE FROM commits WHERE sha = ?")) {
            for (String sha : old) {
              problems.setString(1, sha);
              problems.executeUpdate();
              commits.setString(1, sha);
              removed += commits.executeUpdate();
            }
          }
          try (PreparedStatement journal =
              c.prepareStatement(
                  "DELETE FROM journal WHERE state IN ('FINISHED', 'NOT_SENT') AND finished_at < ?")) {
            journal.setObject(1, utc(now.minus(maxAge)));
            removed += journal.executeUpdate();
          }
          return removed;
        });
  }

  private List<JournalEntry> journalWhere(String condition, int limit, Object... values) {
    return jdbc.inTransaction(
        c -> {
          List<JournalEntry> out = new ArrayList<>();
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT id, resource, remote, node, vmid, action, reason, commit_sha, state,"
                      + " created_at, upid, sent_at, finished_at, exit_status, guest_type"
                      + " FROM journal WHERE "
                      + condition
                      + " ORDER BY id DESC")) {
            q.setMaxRows(limit);
            for (int i = 0; i < values.length; i++) {
              q.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new JournalEntry(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        "lxc".equals(rs.getString(15)) ? GuestType.LXC : GuestType.QEMU,
                        rs.getInt(5),
                        ActionKind.valueOf(rs.getString(6)),
                        rs.getString(7),
                        rs.getString(8),
                        JournalState.valueOf(rs.getString(9)),
                        instant(rs, 10),
                        Optional.ofNullable(rs.getString(11)),
                        optionalInstant(rs, 12),
                        optionalInstant(rs, 13),
                        Optional.ofNullable(rs.getString(14))));
              }
            }
          }
          return out;
        });
  }

  private void update(String sql, Object... values) {
    jdbc.inDurableTransaction(
        c -> {
          try (PreparedStatement u = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
              u.setObject(i + 1, values[i]);
            }
            if (u.executeUpdate() != 1) {
              throw new SQLException("no journal entry with that id");
            }
          }
          return null;
        });
  }
}
