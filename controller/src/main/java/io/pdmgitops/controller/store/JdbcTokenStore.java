package io.pdmgitops.controller.store;

import static io.pdmgitops.controller.store.Jdbc.instant;
import static io.pdmgitops.controller.store.Jdbc.optionalInstant;
import static io.pdmgitops.controller.store.Jdbc.utc;

import io.pdmgitops.controller.conditions.Conditions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Personal API tokens made in the UI (a revoked one is deleted: nothing of it is needed again) and
 * the last use of every token, Git's included.
 */
public final class JdbcTokenStore {
  /** A personal token as stored; the hash is checked, never shown. */
  public record StoredToken(
      String tokenId,
      String userId,
      String name,
      String secretHash,
      Optional<String> path,
      Optional<Instant> expiresAt,
      Instant createdAt,
      String comment) {
    @Override
    public String toString() {
      return "StoredToken[" + tokenId + "]";
    }
  }

  /** At most this many personal tokens per user. */
  public static final int MAX_PER_USER = 64;

  private final Jdbc jdbc;

  public JdbcTokenStore(DataSource dataSource, Conditions conditions) {
    this.jdbc = new Jdbc(dataSource, conditions);
  }

  /** Adds the token unless the user already has one of that name or too many; whether it did. */
  public boolean add(StoredToken token) {
    return jdbc.transaction(
        sql -> {
          boolean full =
              sql.sql(
                      "SELECT COUNT(*), SUM(CASE WHEN token_id = ? THEN 1 ELSE 0 END)"
                          + " FROM api_tokens WHERE user_id = ?")
                  .params(token.tokenId(), token.userId())
                  .query((rs, n) -> rs.getInt(1) >= MAX_PER_USER || rs.getInt(2) > 0)
                  .single();
          if (full) {
            return false;
          }
          sql.sql(
                  "INSERT INTO api_tokens (token_id, user_id, name, secret_hash, path, expires_at,"
                      + " created_at, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
              .params(
                  token.tokenId(),
                  token.userId(),
                  token.name(),
                  token.secretHash(),
                  token.path().orElse(null),
                  token.expiresAt().map(Jdbc::utc).orElse(null),
                  utc(token.createdAt()),
                  token.comment())
              .update();
          return true;
        });
  }

  public Optional<StoredToken> find(String tokenId) {
    return jdbc.transaction(
        sql ->
            sql.sql(SELECT + " WHERE token_id = ?")
                .param(tokenId)
                .query(JdbcTokenStore::token)
                .optional());
  }

  /** The user's personal tokens, newest first. */
  public List<StoredToken> of(String userId) {
    return jdbc.transaction(
        sql ->
            sql.sql(SELECT + " WHERE user_id = ? ORDER BY created_at DESC")
                .param(userId)
                .query(JdbcTokenStore::token)
                .list());
  }

  /**
   * Deletes the user's token of that name; whether there was one. On disk before it answers: a
   * token the user saw revoked must not work again after a crash.
   */
  public boolean revoke(String userId, String name) {
    return jdbc.durableTransaction(
        sql ->
            sql.sql("DELETE FROM api_tokens WHERE user_id = ? AND name = ?")
                    .params(userId, name)
                    .update()
                > 0);
  }

  /** Records last uses, keeping the later time where one is stored. */
  public void used(Map<String, Instant> lastUses) {
    if (lastUses.isEmpty()) {
      return;
    }
    jdbc.transaction(
        sql -> {
          for (Map.Entry<String, Instant> use : lastUses.entrySet()) {
            int updated =
                sql.sql(
                        "UPDATE token_use SET last_used_at = ? WHERE token_id = ?"
                            + " AND last_used_at < ?")
                    .params(utc(use.getValue()), use.getKey(), utc(use.getValue()))
                    .update();
            boolean stored =
                updated > 0
                    || sql.sql("SELECT 1 FROM token_use WHERE token_id = ?")
                        .param(use.getKey())
                        .query(Integer.class)
                        .optional()
                        .isPresent(); // a later use is stored already
            if (!stored) {
              sql.sql("INSERT INTO token_use (token_id, last_used_at) VALUES (?, ?)")
                  .params(use.getKey(), utc(use.getValue()))
                  .update();
            }
          }
          return null;
        });
  }

  /** The stored last uses of these tokens. */
  public Map<String, Instant> lastUses(List<String> tokenIds) {
    Map<String, Instant> out = new HashMap<>();
    if (tokenIds.isEmpty()) {
      return out;
    }
    return jdbc.transaction(
        sql -> {
          String marks = String.join(", ", java.util.Collections.nCopies(tokenIds.size(), "?"));
          sql.sql("SELECT token_id, last_used_at FROM token_use WHERE token_id IN (" + marks + ")")
              .params(List.copyOf(tokenIds))
              .query(
                  rs -> {
                    out.put(rs.getString(1), instant(rs, 2));
                  });
          return out;
        });
  }

  private static final String SELECT =
      "SELECT token_id, user_id, name, secret_hash, path, expires_at, created_at, comment"
          + " FROM api_tokens";

  private static StoredToken token(ResultSet rs, int row) throws SQLException {
    return new StoredToken(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        Optional.ofNullable(rs.getString(5)),
        optionalInstant(rs, 6),
        instant(rs, 7),
        rs.getString(8));
  }
}
