package io.pdmgitops.controller.store;

import static io.pdmgitops.controller.store.Jdbc.instant;
import static io.pdmgitops.controller.store.Jdbc.utc;

import io.pdmgitops.controller.conditions.Conditions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Second factors enrolled in the UI: one TOTP secret per user (sealed, with the last step accepted
 * so a code works once) and their unused recovery codes (hashes; a used one is deleted).
 */
public final class JdbcSecondFactors {
  /** A user's TOTP enrolment. */
  public record Enrolment(String sealedSecret, long lastStep, Instant enrolledAt) {
    @Override
    public String toString() {
      return "Enrolment[" + enrolledAt + "]";
    }
  }

  private final Jdbc jdbc;

  public JdbcSecondFactors(DataSource dataSource, Conditions conditions) {
    this.jdbc = new Jdbc(dataSource, conditions);
  }

  public Optional<Enrolment> totp(String userId) {
    return jdbc.inTransaction(
        c -> {
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT sealed_secret, last_step, enrolled_at FROM tfa_totp WHERE user_id = ?")) {
            q.setString(1, userId);
            try (ResultSet rs = q.executeQuery()) {
              return rs.next()
                  ? Optional.of(new Enrolment(rs.getString(1), rs.getLong(2), instant(rs, 3)))
                  : Optional.<Enrolment>empty();
            }
          }
        });
  }

  /** Enrols (or re-enrols) the user, replacing their recovery codes in the same transaction. */
  public void enrol(String userId, String sealedSecret, long step, Instant at, List<String> codes) {
    jdbc.inDurableTransaction(
        c -> {
          remove(c, userId);
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO tfa_totp (user_id, sealed_secret, last_step, enrolled_at)"
                      + " VALUES (?, ?, ?, ?)")) {
            insert.setString(1, userId);
            insert.setString(2, sealedSecret);
            insert.setLong(3, step);
            insert.setObject(4, utc(at));
            insert.executeUpdate();
          }
          try (PreparedStatement insert =
              c.prepareStatement("INSERT INTO tfa_recovery (user_id, code_hash) VALUES (?, ?)")) {
            for (String hash : codes) {
              insert.setString(1, userId);
              insert.setString(2, hash);
              insert.addBatch();
            }
            insert.executeBatch();
          }
          return null;
        });
  }

  /** Moves the last accepted step forward; false when another request took this step first. */
  public boolean accept(String userId, long step) {
    return jdbc.inDurableTransaction(
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE tfa_totp SET last_step = ? WHERE user_id = ? AND last_step < ?")) {
            update.setLong(1, step);
            update.setString(2, userId);
            update.setLong(3, step);
            return update.executeUpdate() == 1;
          }
        });
  }

  /** Uses up one recovery code by its hash; false when the user has no such unused code. */
  public boolean useRecovery(String userId, String codeHash) {
    return jdbc.inDurableTransaction(
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement("DELETE FROM tfa_recovery WHERE user_id = ? AND code_hash = ?")) {
            delete.setString(1, userId);
            delete.setString(2, codeHash);
            return delete.executeUpdate() > 0;
          }
        });
  }

  public int recoveryLeft(String userId) {
    return jdbc.inTransaction(
        c -> {
          try (PreparedStatement q =
              c.prepareStatement("SELECT COUNT(*) FROM tfa_recovery WHERE user_id = ?")) {
            q.setString(1, userId);
            try (ResultSet rs = q.executeQuery()) {
              rs.next();
              return rs.getInt(1);
            }
          }
        });
  }

  public void remove(String userId) {
    jdbc.inDurableTransaction(
        c -> {
          remove(c, userId);
          return null;
        });
  }

  private static void remove(java.sql.Connection c, String userId) throws java.sql.SQLException {
    for (String table : List.of("tfa_totp", "tfa_recovery")) {
      try (PreparedStatement delete =
          c.prepareStatement("DELETE FROM " + table + " WHERE user_id = ?")) {
        delete.setString(1, userId);
        delete.executeUpdate();
      }
    }
  }
}
