package io.pdmgitops.controller.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.pdmgitops.controller.conditions.ConditionKind;
import io.pdmgitops.controller.conditions.Conditions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal row the store acknowledged is on disk: a process killed right after the write keeps it,
 * and a disk that fills up makes the write fail instead of pretending it happened. When space
 * returns the store works again in the same process.
 */
class DurableJournalIT {
  static final Instant T0 = Instant.parse("2026-12-02T12:00:00Z");

  @TempDir Path dataDir;
  HikariDataSource pool;

  static String url(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.resolve("status") + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  @AfterEach
  void close() {
    FullDisk.fill(false);
    if (pool != null) {
      pool.close();
    }
  }

  @Test
  void aRowAcknowledgedJustBeforeASigkillIsThereAfterTheRestart() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource(); // unpooled: closed, hence on disk, after each use
    h2.setURL(url(dataDir));
    h2.setUser("sa");
    SchemaMigrator.migrate(h2);
    for (int round = 1; round <= 5; round++) {
      long acknowledged = writeAndKill();

      List<Long> ids = new JdbcStatusStore(h2).unfinished().stream().map(JournalEntry::id).toList();
      assertThat(ids)
          .as("round %d: the row acknowledged as %d before the kill", round, acknowledged)
          .contains(acknowledged);
    }
  }

  /** Starts a writer, kills it the moment it reports its first row, returns that row's id. */
  long writeAndKill() throws Exception {
    Process writer =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                JournalWriter.class.getName(),
                dataDir.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      StringBuilder seen = new StringBuilder();
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("journaled ")) {
          writer.destroyForcibly(); // SIGKILL: no shutdown hook, no H2 close
          writer.waitFor(30, TimeUnit.SECONDS);
          return Long.parseLong(line.substring("journaled ".length()));
        }
        seen.append(line).append('\n');
      }
      throw new AssertionError("the writer ended without journaling anything:\n" + seen);
    } finally {
      writer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aFullDiskFailsTheWriteReportsItAndTheStoreRecoversWithoutARestart() {
    FullDisk.register();
    pool = new HikariDataSource();
    pool.setJdbcUrl(url(dataDir).replace("jdbc:h2:file:", "jdbc:h2:fulldisk:"));
    pool.setUsername("sa");
    SchemaMigrator.migrate(pool);
    Conditions conditions = new Conditions(Clock.systemUTC());
    JdbcStatusStore store = new JdbcStatusStore(pool, conditions);
    long before = store.journal(StatusStoreContract.shutdown(100), "c0ffee", T0);

    FullDisk.fill(true);
    assertThatThrownBy(() -> store.journal(StatusStoreContract.shutdown(101), "c0ffee", T0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("status store: ");
    assertThat(conditions.isActive(ConditionKind.STORE_UNAVAILABLE)).isTrue();
    assertThat(conditions.active().get(0).subject()).isEqualTo("status store");
    assertThatThrownBy(() -> store.markSent(before, "UPID:x", T0))
        .as("still full: every journal write fails, none is half made")
        .isInstanceOf(IllegalStateException.class);

    FullDisk.fill(false);
    long after = store.journal(StatusStoreContract.shutdown(102), "c0ffee", T0);

    assertThat(conditions.isActive(ConditionKind.STORE_UNAVAILABLE)).isFalse();
    assertThat(store.unfinished())
        .extracting(JournalEntry::id, e -> e.state())
        .as("the rows written when there was space, none of those refused")
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(before, JournalState.PLANNED),
            org.assertj.core.groups.Tuple.tuple(after, JournalState.PLANNED));
  }
}
