package io.pdmgitops.controller.store;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.pdmgitops.controller.conditions.ConditionKind;
import io.pdmgitops.controller.conditions.Conditions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Transactions and the value conversions every store class shares. Times are stored as UTC. Every
 * outcome is reported as the {@link ConditionKind#STORE_UNAVAILABLE} condition, so a full disk is
 * on the dashboard while it lasts and a failed write is never silent.
 */
final class Jdbc {
  /** The subject of the store's condition. */
  static final String SUBJECT = "status store";

  /** H2's GENERAL_ERROR (a failed write), DATABASE_IS_CLOSED, DATABASE_CALLED_AT_SHUTDOWN. */
  private static final Set<Integer> H2_CLOSED = Set.of(50000, 90098, 90121);

  private final DataSource dataSource;
  private final Conditions conditions;
  private volatile Durability durability;

  Jdbc(DataSource dataSource, Conditions conditions) {
    this.dataSource = dataSource;
    this.conditions = conditions;
  }

  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Work on one transaction through Spring's {@link JdbcClient}: statements, not plumbing. */
  @FunctionalInterface
  interface Statements<T> {
    T run(JdbcClient sql) throws SQLException;
  }

  /** {@link #inTransaction} through a {@link JdbcClient} bound to the transaction's connection. */
  <T> T transaction(Statements<T> work) {
    return inTransaction(c -> onConnection(c, work));
  }

  /** {@link #inDurableTransaction} through a {@link JdbcClient}. */
  <T> T durableTransaction(Statements<T> work) {
    return inDurableTransaction(c -> onConnection(c, work));
  }

  /**
   * Runs the statements on this connection (never closed by them); Spring's translated exception is
   * turned back into the SQL one, so the store's condition and messages stay as they are.
   */
  private static <T> T onConnection(Connection c, Statements<T> work) throws SQLException {
    try {
      return work.run(JdbcClient.create(new SingleConnectionDataSource(c, true)));
    } catch (DataAccessException e) {
      if (e.getMostSpecificCause() instanceof SQLException sql) {
        throw sql;
      }
      throw new SQLException(e.getMessage(), e);
    }
  }

  /** Runs the work in one transaction; any failure rolls all of it back. */
  <T> T inTransaction(Work<T> work) {
    return run(work, false);
  }

  /**
   * Runs the work in one transaction that is on disk when this returns: the journal's rows, which
   * decide whether a call may be sent. A write that cannot be made durable throws, and the caller
   * sends nothing.
   */
  <T> T inDurableTransaction(Work<T> work) {
    return run(work, true);
  }

  private <T> T run(Work<T> work, boolean durable) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      Durability mode = durable ? durability(c) : Durability.NONE;
      try {
        mode.begin(c);
        T result = work.run(c);
        c.commit();
        mode.afterCommit(c);
        conditions.clear(ConditionKind.STORE_UNAVAILABLE, SUBJECT);
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c);
        throw e;
      }
    } catch (SQLException e) {
      dropConnectionsIfClosed(e);
      String reason = firstLine(e.getMessage());
      conditions.raise(ConditionKind.STORE_UNAVAILABLE, SUBJECT, reason);
      throw new IllegalStateException("status store: " + reason, e);
    }
  }

  /**
   * H2 closes the whole database after a failed write (a full disk), and every pooled connection
   * then answers "the database has been closed" for the life of the process. New connections open
   * the files again, so the pool drops its connections and the store recovers once space returns,
   * without a restart.
   */
  private void dropConnectionsIfClosed(SQLException e) {
    if (!H2_CLOSED.contains(e.getErrorCode())) {
      return;
    }
    try {
      if (dataSource.isWrapperFor(HikariDataSource.class)) {
        HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        if (pool != null) {
          pool.softEvictConnections();
        }
      }
    } catch (SQLException ignored) {
      // not a pool we know: each connection fails on its own until it is replaced
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is broken too; the pool drops it, the original failure is what counts
    }
  }

  private Durability durability(Connection c) throws SQLException {
    Durability known = durability;
    if (known == null) {
      known = Durability.of(c.getMetaData().getDatabaseProductName());
      durability = known;
    }
    return known;
  }

  /** H2's messages repeat the statement after the first line; the reason is the first line. */
  static String firstLine(String message) {
    String text = message == null ? "unknown error" : message.strip();
    int end = text.indexOf('\n');
    return clip(end < 0 ? text : text.substring(0, end), 300);
  }

  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
  }

  static Optional<Instant> optionalInstant(ResultSet rs, int column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return value == null ? Optional.empty() : Optional.of(value.toInstant(ZoneOffset.UTC));
  }

  /**
   * Removes a log table's rows older than the cutoff and all but its newest {@code keep}; the table
   * has an increasing {@code id} and an {@code at} time.
   */
  static int prune(Connection c, String table, int keep, Instant cutoff) throws SQLException {
    int removed;
    try (PreparedStatement old = c.prepareStatement("DELETE FROM " + table + " WHERE at < ?")) {
      old.setObject(1, utc(cutoff));
      removed = old.executeUpdate();
    }
    Optional<Long> oldestKept = Optional.empty();
    try (PreparedStatement q =
        c.prepareStatement("SELECT id FROM " + table + " ORDER BY id DESC")) {
      q.setMaxRows(keep);
      try (ResultSet rs = q.executeQuery()) {
        int seen = 0;
        while (rs.next()) {
          seen++;
          if (seen == keep) {
            oldestKept = Optional.of(rs.getLong(1));
          }
        }
      }
    }
    if (oldestKept.isPresent()) {
      try (PreparedStatement excess =
          c.prepareStatement("DELETE FROM " + table + " WHERE id < ?")) {
        excess.setLong(1, oldestKept.get());
        removed += excess.executeUpdate();
      }
    }
    return removed;
  }

  /** Cuts text to a column's width, marking the cut. */
  static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
