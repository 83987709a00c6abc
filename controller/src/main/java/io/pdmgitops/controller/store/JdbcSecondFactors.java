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
 * so a code works once), their passkeys (public key credentials: nothing secret) and their unused
 * recovery codes (hashes; a used one is deleted). Recovery codes belong to the user, not to one
 * factor: they go when the last factor goes.
 */
public final class JdbcSecondFactors {
  /** A user's TOTP enrolment. */
  public record Enrolment(String sealedSecret, long lastStep, Instant enrolledAt) {
    @Override
    public String toString() {
      return "Enrolment[" + enrolledAt + "]";
    }
  }

  /**
   * A passkey: the credential's id and public part as webauthn4j serialises it (attested credential
   * data, base64url), its signature counter and flags.
   */
  public record Passkey(
      String credentialId,
      String userId,
      String label,
      String credentialData,
      long signCount,
      boolean uvInitialized,
      boolean backupEligible,
      boolean backupState,
      Instant createdAt,
      Optional<Instant> lastUsedAt) {}

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

  /**
   * Enrols (or re-enrols) the user's app, replacing all their recovery codes in the same
   * transaction (the new ones are shown; the old ones stop working).
   */
  public void enrol(String userId, String sealedSecret, long step, Instant at, List<String> codes) {
    jdbc.inDurableTransaction(
        c -> {
          delete(c, "tfa_totp", userId);
          delete(c, "tfa_recovery", userId);
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

  /** Removes the TOTP app; the recovery codes go too unless a passkey remains. */
  public void remove(String userId) {
    jdbc.inDurableTransaction(
        c -> {
          remove(c, userId);
          return null;
        });
  }

  /** Removes every second factor of the user and their recovery codes (an Admin's reset). */
  public void removeAll(String userId) {
    jdbc.inDurableTransaction(
        c -> {
          for (String table : List.of("tfa_totp", "tfa_passkey", "tfa_recovery")) {
            delete(c, table, userId);
          }
          return null;
        });
  }

  private static void remove(java.sql.Connection c, String userId) throws java.sql.SQLException {
    delete(c, "tfa_totp", userId);
    if (count(c, "tfa_passkey", userId) == 0) {
      delete(c, "tfa_recovery", userId);
    }
  }

  private static void delete(java.sql.Connection c, String table, String userId)
      throws java.sql.SQLException {
    try (PreparedStatement delete =
        c.prepareStatement("DELETE FROM " + table + " WHERE user_id = ?")) {
      delete.setString(1, userId);
      delete.executeUpdate();
    }
  }

  private static int count(java.sql.Connection c, String table, String userId)
      throws java.sql.SQLException {
    try (PreparedStatement q =
        c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE user_id = ?")) {
      q.setString(1, userId);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static final String PASSKEY_COLUMNS =
      "credential_id, user_id, label, credential_data, sign_count, uv_initialized,"
          + " backup_eligible, backup_state, created_at, last_used_at";

  /** The user's passkeys, oldest first. */
  public List<Passkey> passkeys(String userId) {
    return jdbc.inTransaction(
        c -> {
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT "
                      + PASSKEY_COLUMNS
                      + " FROM tfa_passkey WHERE user_id = ? ORDER BY created_at, credential_id")) {
            q.setString(1, userId);
            try (ResultSet rs = q.executeQuery()) {
              List<Passkey> found = new java.util.ArrayList<>();
              while (rs.next()) {
                found.add(passkey(rs));
              }
              return found;
            }
          }
        });
  }

  /**
   * Adds a passkey; when it is the user's first second factor, also stores the recovery codes (and
   * says so: they are shown once). Whether the codes were stored.
   */
  public boolean addPasskey(Passkey passkey, List<String> recoveryHashesIfFirst) {
    return jdbc.inDurableTransaction(
        c -> {
          boolean first =
              count(c, "tfa_totp", passkey.userId()) == 0
                  && count(c, "tfa_passkey", passkey.userId()) == 0
                  && count(c, "tfa_recovery", passkey.userId()) == 0;
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO tfa_passkey ("
                      + PASSKEY_COLUMNS
                      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)")) {
            insert.setString(1, passkey.credentialId());
            insert.setString(2, passkey.userId());
            insert.setString(3, passkey.label());
            insert.setString(4, passkey.credentialData());
            insert.setLong(5, passkey.signCount());
            insert.setBoolean(6, passkey.uvInitialized());
            insert.setBoolean(7, passkey.backupEligible());
            insert.setBoolean(8, passkey.backupState());
            insert.setObject(9, utc(passkey.createdAt()));
            insert.executeUpdate();
          }
          if (first) {
            try (PreparedStatement insert =
                c.prepareStatement("INSERT INTO tfa_recovery (user_id, code_hash) VALUES (?, ?)")) {
              for (String hash : recoveryHashesIfFirst) {
                insert.setString(1, passkey.userId());
                insert.setString(2, hash);
                insert.addBatch();
              }
              insert.executeBatch();
            }
          }
          return first;
        });
  }

  /**
   * Records a use: the new signature counter, when the authenticator keeps one, must be above the
   * stored one (else the credential may be cloned); false when it is not, or another request used
   * the same counter first.
   */
  public boolean usePasskey(String credentialId, long previous, long signCount, Instant at) {
    return jdbc.inDurableTransaction(
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE tfa_passkey SET sign_count = ?, last_used_at = ?"
                      + " WHERE credential_id = ? AND sign_count = ?")) {
            update.setLong(1, signCount);
            update.setObject(2, utc(at));
            update.setString(3, credentialId);
            update.setLong(4, previous);
            return update.executeUpdate() == 1;
          }
        });
  }

  /**
   * Removes one of the user's passkeys; the recovery codes go too when it was their last factor.
   * Whether it existed.
   */
  public boolean removePasskey(String userId, String credentialId) {
    return jdbc.inDurableTransaction(
        c -> {
          int removed;
          try (PreparedStatement delete =
              c.prepareStatement(
                  "DELETE FROM tfa_passkey WHERE user_id = ? AND credential_id = ?")) {
            delete.setString(1, userId);
            delete.setString(2, credentialId);
            removed = delete.executeUpdate();
          }
          if (removed > 0
              && count(c, "tfa_passkey", userId) == 0
              && count(c, "tfa_totp", userId) == 0) {
            delete(c, "tfa_recovery", userId);
          }
          return removed > 0;
        });
  }

  private static Passkey passkey(ResultSet rs) throws java.sql.SQLException {
    return new Passkey(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getLong(5),
        rs.getBoolean(6),
        rs.getBoolean(7),
        rs.getBoolean(8),
        instant(rs, 9),
        rs.getObject(10) == null ? Optional.empty() : Optional.of(instant(rs, 10)));
  }
}
