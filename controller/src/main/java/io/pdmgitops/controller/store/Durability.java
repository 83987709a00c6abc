package io.pdmgitops.controller.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * How a committed journal row is made to reach the disk before a call depends on it. H2
 * acknowledges a commit before writing it (its write delay, 500 ms by default) and writes without
 * fsync; {@code CHECKPOINT SYNC} writes what is committed and forces it to the device. PostgreSQL
 * is durable at commit unless {@code synchronous_commit} is off for the session or database: the
 * journal turns it on for its own transactions.
 */
enum Durability {
  H2 {
    @Override
    void afterCommit(Connection c) throws SQLException {
      try (Statement s = c.createStatement()) {
        s.execute("CHECKPOINT SYNC");
      }
    }
  },
  POSTGRESQL {
    @Override
    void begin(Connection c) throws SQLException {
      try (Statement s = c.createStatement()) {
        s.execute("SET LOCAL synchronous_commit TO on");
      }
    }
  },
  /** Not a durable transaction, or a database we do not know: its commit is all there is. */
  NONE;

  static Durability of(String productName) {
    String name = productName.toLowerCase(Locale.ROOT);
    if (name.contains("h2")) {
      return H2;
    }
    if (name.contains("postgresql")) {
      return POSTGRESQL;
    }
    return NONE;
  }

  void begin(Connection c) throws SQLException {}

  void afterCommit(Connection c) throws SQLException {}
}
