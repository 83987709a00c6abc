package io.pdmgitops.controller.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.pdmgitops.controller.conditions.Conditions;
import io.pdmgitops.reconcilers.engine.JournaledAction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a durable journal row costs on the controller's H2 file store, pooled as in the controller:
 * one action's three writes (planned, sent, finished), each forced to disk, against the same writes
 * left to H2's write delay. Run with {@code -Pbench}; writes
 * controller/target/benchmarks/journal-write.md.
 */
class JournalWriteBenchmark {
  static final int WARM_UP = 50;
  static final int ACTIONS = 300;

  @TempDir Path dataDir;

  @Test
  void durableJournalWrites() throws IOException {
    try (HikariDataSource pool = new HikariDataSource()) {
      pool.setJdbcUrl(DurableJournalIT.url(dataDir));
      pool.setUsername("sa");
      SchemaMigrator.migrate(pool);
      Jdbc plain = new Jdbc(pool, new Conditions(Clock.systemUTC()));
      JdbcStatusStore store = new JdbcStatusStore(pool);
      List<Long> synced = new ArrayList<>();
      List<Long> delayed = new ArrayList<>();
      for (int i = 0; i < WARM_UP + ACTIONS; i++) {
        long t0 = System.nanoTime();
        action(store, i);
        long t1 = System.nanoTime();
        plain(plain, i);
        long t2 = System.nanoTime();
        if (i >= WARM_UP) {
          synced.add(t1 - t0);
          delayed.add(t2 - t1);
        }
      }
      String report =
          """
          # Journal writes (H2 file, pooled)

          One action = three writes (planned, sent, finished); %d actions after %d warm-up.

          | Writes | Median per action | 90th percentile |
          |---|---|---|
          | durable (CHECKPOINT SYNC after each commit) | %.2f ms | %.2f ms |
          | left to H2's write delay (before) | %.2f ms | %.2f ms |
          """
              .formatted(
                  ACTIONS,
                  WARM_UP,
                  percentile(synced, 50),
                  percentile(synced, 90),
                  percentile(delayed, 50),
                  percentile(delayed, 90));
      Path out = Path.of("target/benchmarks/journal-write.md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
      System.out.println(report);
      assertThat(synced).hasSize(ACTIONS);
    }
  }

  /** The three journal writes of one action, as the executor makes them. */
  static void action(JdbcStatusStore store, int i) {
    JournaledAction action = StatusStoreContract.shutdown(100 + i % 900);
    long id = store.journal(action, "c0ffee", Instant.now());
    store.markSent(id, "UPID:pve1:1:1:1:qmshutdown:100:x@pve!t:", Instant.now());
    store.markFinished(id, "OK", Instant.now());
  }

  /** The same three row writes in plain transactions: what each write cost before. */
  static void plain(Jdbc jdbc, int i) {
    for (int write = 0; write < 3; write++) {
      int w = write;
      jdbc.inTransaction(
          c -> {
            try (var s =
                c.prepareStatement(
                    "UPDATE journal SET reason = ? WHERE id = (SELECT MIN(id) FROM journal)")) {
              s.setString(1, "bench " + i + "/" + w);
              return s.executeUpdate();
            }
          });
    }
  }

  static double percentile(List<Long> nanos, int p) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
  }
}
