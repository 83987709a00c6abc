package io.pdmgitops.controller.store;

import static io.pdmgitops.controller.store.Jdbc.clip;
import static io.pdmgitops.controller.store.Jdbc.instant;
import static io.pdmgitops.controller.store.Jdbc.utc;

import io.pdmgitops.controller.conditions.Conditions;
import io.pdmgitops.model.drift.DriftField;
import io.pdmgitops.model.drift.FieldDrift;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Each resource's last verdict with its drifts, and the event history, over portable SQL: read
 * through Spring's JdbcClient, written in JDBC batches (a first cycle writes a row per resource). A
 * status row is replaced only when the verdict changes, so a steady fleet writes nothing per cycle.
 */
public final class JdbcResourceStore {
  private final Jdbc jdbc;

  /** A store whose failures are reported to nobody but the caller, for tools and tests. */
  public JdbcResourceStore(DataSource dataSource) {
    this(dataSource, new Conditions(Clock.systemUTC()));
  }

  public JdbcResourceStore(DataSource dataSource, Conditions conditions) {
    this.jdbc = new Jdbc(dataSource, conditions);
  }

  /** An event to write. */
  public record NewEvent(
      EventType type, Optional<String> resource, Optional<String> commitSha, String message) {}

  /** Every recorded verdict, by resource ("Guest/web"). */
  public Map<String, StoredStatus> statuses() {
    return jdbc.transaction(
        sql -> {
          Map<String, List<FieldDrift>> drifts = new LinkedHashMap<>();
          sql.sql("SELECT resource, field, desired, observed FROM resource_drifts ORDER BY id")
              .query(
                  rs -> {
                    drifts
                        .computeIfAbsent(rs.getString(1), r -> new ArrayList<>())
                        .add(
                            new FieldDrift(
                                DriftField.named(rs.getString(2)),
                                rs.getString(3),
                                rs.getString(4)));
                  });
          Map<String, StoredStatus> out = new LinkedHashMap<>();
          sql.sql(
                  "SELECT resource, sync, health, policy, actionable, message, remote, node,"
                      + " vmid, since FROM resource_status ORDER BY resource")
              .query(
                  rs -> {
                    String resource = rs.getString(1);
                    int vmid = rs.getInt(9);
                    Optional<Integer> vmidValue =
                        rs.wasNull() ? Optional.empty() : Optional.of(vmid);
                    out.put(
                        resource,
                        new StoredStatus(
                            resource,
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getBoolean(5),
                            rs.getString(6),
                            Optional.ofNullable(rs.getString(7)),
                            Optional.ofNullable(rs.getString(8)),
                            vmidValue,
                            drifts.getOrDefault(resource, List.of()),
                            instant(rs, 10)));
                  });
          return out;
        });
  }

  /** Writes changed verdicts, removes undeclared resources and adds events, all or nothing. */
  public void apply(
      List<StoredStatus> changed, List<String> removed, List<NewEvent> events, Instant at) {
    jdbc.inTransaction(
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement("DELETE FROM resource_status WHERE resource = ?")) {
            for (String resource : concat(removed, changed)) {
              delete.setString(1, resource);
              delete.addBatch();
            }
            delete.executeBatch();
          }
          insertStatuses(c, changed);
          insertEvents(c, events, at);
          return null;
        });
  }

  public void event(NewEvent event, Instant at) {
    jdbc.inTransaction(
        c -> {
          insertEvents(c, List.of(event), at);
          return null;
        });
  }

  /** The newest events first, of every resource or of one. */
  public List<StoredEvent> recentEvents(Optional<String> resource, int limit) {
    return jdbc.transaction(
        sql ->
            sql.sql(
                    "SELECT id, at, type, resource, commit_sha, message FROM events"
                        + (resource.isPresent() ? " WHERE resource = ?" : "")
                        + " ORDER BY id DESC")
                .params(resource.map(List::<Object>of).orElse(List.of()))
                .withMaxRows(limit)
                .query(
                    (rs, n) ->
                        new StoredEvent(
                            rs.getLong(1),
                            instant(rs, 2),
                            EventType.valueOf(rs.getString(3)),
                            Optional.ofNullable(rs.getString(4)),
                            Optional.ofNullable(rs.getString(5)),
                            rs.getString(6)))
                .list());
  }

  /** Keeps the newest {@code keep} events and none older than {@code maxAge}. */
  public int pruneEvents(int keep, Duration maxAge, Instant now) {
    return jdbc.inTransaction(c -> Jdbc.prune(c, "events", keep, now.minus(maxAge)));
  }

  private static void insertStatuses(Connection c, List<StoredStatus> statuses)
      throws SQLException {
    try (PreparedStatement status =
            c.prepareStatement(
                "INSERT INTO resource_status (resource, sync, health, policy, actionable, message,"
                    + " remote, node, vmid, since) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement drift =
            c.prepareStatement(
                "INSERT INTO resource_drifts (resource, field, desired, observed)"
                    + " VALUES (?, ?, ?, ?)")) {
      for (StoredStatus s : statuses) {
        status.setString(1, s.resource());
        status.setString(2, s.sync());
        status.setString(3, s.health());
        status.setString(4, s.policy());
        status.setBoolean(5, s.actionable());
        status.setString(6, s.message());
        status.setString(7, s.remote().orElse(null));
        status.setString(8, s.node().orElse(null));
        status.setObject(9, s.vmid().orElse(null), java.sql.Types.INTEGER);
        status.setObject(10, utc(s.since()));
        status.addBatch();
        for (FieldDrift d : s.drifts()) {
          drift.setString(1, s.resource());
          drift.setString(2, d.path());
          drift.setString(3, d.desired());
          drift.setString(4, d.observed());
          drift.addBatch();
        }
      }
      status.executeBatch();
      drift.executeBatch();
    }
  }

  private static void insertEvents(Connection c, List<NewEvent> events, Instant at)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO events (at, type, resource, commit_sha, message) VALUES (?, ?, ?, ?, ?)")) {
      for (NewEvent e : events) {
        insert.setObject(1, utc(at));
        insert.setString(2, e.type().name());
        insert.setString(3, e.resource().map(r -> clip(r, 256)).orElse(null));
        insert.setString(4, e.commitSha().orElse(null));
        insert.setString(5, clip(e.message(), 2000));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static List<String> concat(List<String> removed, List<StoredStatus> changed) {
    List<String> all = new ArrayList<>(removed);
    changed.forEach(s -> all.add(s.resource()));
    return all;
  }
}
