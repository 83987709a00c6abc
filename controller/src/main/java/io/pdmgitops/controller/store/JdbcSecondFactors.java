package io.pdmgitops.controller.store;

import static io.pdmgitops.controller.store.Jdbc.instant;
import static io.pdmgitops.controller.store.Jdbc.utc;

import io.pdmgitops.controller.conditions.Conditions;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

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
    return jdbc.transaction(
        sql ->
            sql.sql("SELECT sealed_secret, last_step, enrolled_at FROM tfa_totp WHERE user_id = ?")
                .param(userId)
                .query((rs, n) -> new Enrolment(rs.getString(1), rs.getLong(2), instant(rs, 3)))
                .optional());
  }

  /**
   * Enrols (or re-enrols) the user's app, replacing all their recovery codes in the same
   * transaction (the new ones are shown; the old ones stop working).
   */
  public void enrol(String userId, String sealedSecret, long step, Instant at, List<String> codes) {
    jdbc.durableTransaction(
        sql -> {
          delete(sql, "tfa_totp", userId);
          delete(sql, "tfa_recovery", userId);
          sql.sql(
                  "INSERT INTO tfa_totp (user_id, sealed_secret, last_step, enrolled_at)"
                      + " VALUES (?, ?, ?, ?)")
              .params(userId, sealedSecret, step, utc(at))
              .update();
          insertCodes(sql, userId, codes);
          return null;
        });
  }

  /** Moves the last accepted step forward; false when another request took this step first. */
  public boolean accept(String userId, long step) {
    return jdbc.durableTransaction(
        sql ->
            sql.sql("UPDATE tfa_totp SET last_step = ? WHERE user_id = ? AND last_step < ?")
                    .params(step, userId, step)
                    .update()
                == 1);
  }

  /** Uses up one recovery code by its hash; false when the user has no such unused code. */
  public boolean useRecovery(String userId, String codeHash) {
    return jdbc.durableTransaction(
        sql ->
            sql.sql("DELETE FROM tfa_recovery WHERE user_id = ? AND code_hash = ?")
                    .params(userId, codeHash)
                    .update()
                > 0);
  }

  public int recoveryLeft(String userId) {
    return jdbc.transaction(sql -> count(sql, "tfa_recovery", userId));
  }

  /** Removes the TOTP app; the recovery codes go too unless a passkey remains. */
  public void remove(String userId) {
    jdbc.durableTransaction(
        sql -> {
          delete(sql, "tfa_totp", userId);
          if (count(sql, "tfa_passkey", userId) == 0) {
            delete(sql, "tfa_recovery", userId);
          }
          return null;
        });
  }

  /** Removes every second factor of the user and their recovery codes (an Admin's reset). */
  public void removeAll(String userId) {
    jdbc.durableTransaction(
        sql -> {
          for (String table : List.of("tfa_totp", "tfa_passkey", "tfa_recovery")) {
            delete(sql, table, userId);
          }
          return null;
        });
  }

  /** The table names are this class's constants, never input. */
  private static void delete(JdbcClient sql, String table, String userId) {
    sql.sql("DELETE FROM " + table + " WHERE user_id = ?").param(userId).update();
  }

  private static int count(JdbcClient sql, String table, String userId) {
    return sql.sql("SELECT COUNT(*) FROM " + table + " WHERE user_id = ?")
        .param(userId)
        .query(Integer.class)
        .single();
  }

  private static void insertCodes(JdbcClient sql, String userId, List<String> hashes) {
    for (String hash : hashes) {
      sql.sql("INSERT INTO tfa_recovery (user_id, code_hash) VALUES (?, ?)")
          .params(userId, hash)
          .update();
    }
  }

  private static final String PASSKEY_COLUMNS =
      "credential_id, user_id, label, credential_data, sign_count, uv_initialized,"
          + " backup_eligible, backup_state, created_at, last_used_at";

  /** The user's passkeys, oldest first. */
  public List<Passkey> passkeys(String userId) {
    return jdbc.transaction(
        sql ->
            sql.sql(
                    "SELECT "
                        + PASSKEY_COLUMNS
                        + " FROM tfa_passkey WHERE user_id = ? ORDER BY created_at, credential_id")
                .param(userId)
                .query((rs, n) -> passkey(rs))
                .list());
  }

  /**
   * Adds a passkey; when it is the user's first second factor, also stores the recovery codes (and
   * says so: they are shown once). Whether the codes were stored.
   */
  public boolean addPasskey(Passkey passkey, List<String> recoveryHashesIfFirst) {
    String userId = passkey.userId();
    return jdbc.durableTransaction(
        sql -> {
          boolean first =
              count(sql, "tfa_totp", userId) == 0
                  && count(sql, "tfa_passkey", userId) == 0
                  && count(sql, "tfa_recovery", userId) == 0;
          sql.sql(
                  "INSERT INTO tfa_passkey ("
                      + PASSKEY_COLUMNS
                      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)")
              .params(
                  passkey.credentialId(),
                  userId,
                  passkey.label(),
                  passkey.credentialData(),
                  passkey.signCount(),
                  passkey.uvInitialized(),
                  passkey.backupEligible(),
                  passkey.backupState(),
                  utc(passkey.createdAt()))
              .update();
          if (first) {
            insertCodes(sql, userId, recoveryHashesIfFirst);
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
    return jdbc.durableTransaction(
        sql ->
            sql.sql(
                        "UPDATE tfa_passkey SET sign_count = ?, last_used_at = ?"
                            + " WHERE credential_id = ? AND sign_count = ?")
                    .params(signCount, utc(at), credentialId, previous)
                    .update()
                == 1);
  }

  /**
   * Removes one of the user's passkeys; the recovery codes go too when it was their last factor.
   * Whether it existed.
   */
  public boolean removePasskey(String userId, String credentialId) {
    return jdbc.durableTransaction(
        sql -> {
          int removed =
              sql.sql("DELETE FROM tfa_passkey WHERE user_id = ? AND credential_id = ?")
                  .params(userId, credentialId)
                  .update();
          if (removed > 0
              && count(sql, "tfa_passkey", userId) == 0
              && count(sql, "tfa_totp", userId) == 0) {
            delete(sql, "tfa_recovery", userId);
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
