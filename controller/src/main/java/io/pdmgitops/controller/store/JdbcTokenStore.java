package io.pdmgitops.controller.store;

import static io.pdmgitops.controller.store.Jdbc.instant;
import static io.pdmgitops.controller.store.Jdbc.optionalInstant;
import static io.pdmgitops.controller.store.Jdbc.utc;

import io.pdmgitops.controller.conditions.Conditions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
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
    return jdbc.inTransaction(
        c -> {
          try (PreparedStatement count =
              c.prepareStatement(
                  "SELECT COUNT(*), SUM(CASE WHEN token_id = ? THEN 1 ELSE 0 END)"
                      + " FROM api_tokens WHERE user_id = ?")) {
            count.setString(1, token.tokenId());
            count.setString(2, token.userId());
            try (ResultSet rs = count.executeQuery()) {
              rs.next();
              if (rs.getInt(1) >= MAX_PER_USER || rs.getInt(2) > 0) {
                return false;
              }
            }
          }
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO api_tokens (token_id, user_id, name, secret_hash, path, expires_at,"
                      + " created_at, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, token.tokenId());
            insert.setString(2, token.userId());
            insert.setString(3, token.name());
            insert.setString(4, token.secretHash());
            insert.setString(5, token.path().orElse(null));
            insert.setObject(6, token.expiresAt().map(Jdbc::utc).orElse(null));
            insert.setObject(7, utc(token.createdAt()));
            insert.setString(8, token.comment());
            insert.executeUpdate();
          }
          return true;
        });
  }

  public Optional<StoredToken> find(String tokenId) {
    return jdbc.inTransaction(
        c -> {
          try (PreparedStatement q = c.prepareStatement(SELECT + " WHERE token_id = ?")) {
            q.setString(1, tokenId);
            List<StoredToken> found = read(q);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
          }
        });
  }

  /** The user's personal tokens, newest first. */
  public List<StoredToken> of(String userId) {
    return jdbc.inTransaction(
        c -> {
          try (PreparedStatement q =
              c.prepareStatement(SELECT + " WHERE user_id = ? ORDER BY created_at DESC")) {
            q.setString(1, userId);
            return read(q);
          }
        });
  }

  /**
   * Deletes the user's token of that name; whether there was one. On disk before it answers: a
   * token the user saw revoked must not work again after a crash.
   */
  public boolean revoke(String userId, String name) {
    return jdbc.inDurableTransaction(
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement("DELETE FROM api_tokens WHERE user_id = ? AND name = ?")) {
            delete.setString(1, userId);
            delete.setString(2, name);
            return delete.executeUpdate() > 0;
          }
        });
  }

  /** Records last uses, keeping the later time where one is stored. */
  public void used(Map<String, Instant> lastUses) {
    if (lastUses.isEmpty()) {
      return;
    }
    jdbc.inTransaction(
        c -> {
          for (Map.Entry<String, Instant> use : lastUses.entrySet()) {
            int updated;
            try (PreparedStatement update =
                c.prepareStatement(
                    "UPDATE token_use SET last_used_at = ? WHERE token_id = ? AND last_used_at < ?")) {
              update.setObject(1, utc(use.getValue()));
              update.setString(2, use.getKey());
              update.setObject(3, utc(use.getValue()));
              updated = update.executeUpdate();
            }
            if (updated == 0) {
              try (PreparedStatement exists =
                  c.prepareStatement("SELECT 1 FROM token_use WHERE token_id = ?")) {
                exists.setString(1, use.getKey());
                try (ResultSet rs = exists.executeQuery()) {
                  if (rs.next()) {
                    continue; // a later use is stored already
                  }
                }
              }
              try (PreparedStatement insert =
                  c.prepareStatement(
                      "INSERT INTO token_use (token_id, last_used_at) VALUES (?, ?)")) {
                insert.setString(1, use.getKey());
                insert.setObject(2, utc(use.getValue()));
                insert.executeUpdate();
              }
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
    return jdbc.inTransaction(
        c -> {
          String marks = String.join(", ", java.util.Collections.nCopies(tokenIds.size(), "?"));
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT token_id, last_used_at FROM token_use WHERE token_id IN ("
                      + marks
                      + ")")) {
            for (int i = 0; i < tokenIds.size(); i++) {
              q.setString(i + 1, tokenIds.get(i));
            }
            try (ResultSet rs = q.executeQuery()) {
              while (rs.next()) {
                out.put(rs.getString(1), instant(rs, 2));
              }
            }
          }
          return out;
        });
  }

  private static final String SELECT =
      "SELECT token_id, user_id, name, secret_hash, path, expires_at, created_at, comment"
          + " FROM api_tokens";

  private static List<StoredToken> read(PreparedStatement q) throws SQLException {
    List<StoredToken> out = new ArrayList<>();
    try (ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        out.add(
            new StoredToken(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                Optional.ofNullable(rs.getString(5)),
                optionalInstant(rs, 6),
                instant(rs, 7),
                rs.getString(8)));
      }
    }
    return out;
  }
}
