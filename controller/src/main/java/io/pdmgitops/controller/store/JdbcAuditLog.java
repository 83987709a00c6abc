package io.pdmgitops.controller.store;

import static io.pdmgitops.controller.store.Jdbc.clip;
import static io.pdmgitops.controller.store.Jdbc.instant;
import static io.pdmgitops.controller.store.Jdbc.utc;

import io.pdmgitops.controller.conditions.Conditions;
import io.pdmgitops.webui.audit.AuditEntry;
import io.pdmgitops.webui.audit.AuditKind;
import io.pdmgitops.webui.audit.AuditPort;
import io.pdmgitops.webui.audit.AuditQuery;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The audit log's table: appended in JDBC batches by the audit trail, read by the audit page
 * through Spring's JdbcClient.
 */
public final class JdbcAuditLog implements AuditPort {
  private final Jdbc jdbc;

  public JdbcAuditLog(DataSource dataSource, Conditions conditions) {
    this.jdbc = new Jdbc(dataSource, conditions);
  }

  /** Appends the entries in one transaction. */
  public void append(List<AuditEntry> entries) {
    jdbc.inTransaction(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO audit_log (at, kind, actor, address, target, detail)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (AuditEntry e : entries) {
              insert.setObject(1, utc(e.at()));
              insert.setString(2, e.kind().name());
              insert.setString(3, clip(e.actor(), 256));
              insert.setString(4, clip(e.address(), 64));
              insert.setString(5, clip(e.target(), 512));
              insert.setString(6, clip(e.detail(), 1000));
              insert.addBatch();
            }
            insert.executeBatch();
          }
          return null;
        });
  }

  @Override
  public Mono<List<AuditEntry>> recent(AuditQuery query) {
    return Mono.fromCallable(() -> read(query)).subscribeOn(Schedulers.boundedElastic());
  }

  List<AuditEntry> read(AuditQuery query) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT at, kind, actor, address, target, detail FROM audit_log WHERE 1=1");
    List<Object> parameters = new ArrayList<>();
    query
        .kind()
        .ifPresent(
            k -> {
              sql.append(" AND kind = ?");
              parameters.add(k.name());
            });
    query
        .actor()
        .ifPresent(
            a -> {
              sql.append(" AND LOWER(actor) LIKE ? ESCAPE '!'");
              parameters.add(
                  "%"
                      + a.toLowerCase(java.util.Locale.ROOT)
                          .replace("!", "!!")
                          .replace("%", "!%")
                          .replace("_", "!_")
                      + "%");
            });
    sql.append(" ORDER BY id DESC");
    return jdbc.transaction(
        client ->
            client
                .sql(sql.toString())
                .params(parameters)
                .withMaxRows(query.limit())
                .query(
                    (rs, n) ->
                        new AuditEntry(
                            instant(rs, 1),
                            AuditKind.valueOf(rs.getString(2)),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6)))
                .list());
  }

  /** Retention: entries older than {@code maxAge} and beyond the newest {@code keep} go. */
  public int prune(int keep, Duration maxAge, Instant now) {
    return jdbc.inTransaction(c -> Jdbc.prune(c, "audit_log", keep, now.minus(maxAge)));
  }
}
