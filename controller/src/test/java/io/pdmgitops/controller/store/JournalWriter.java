package io.pdmgitops.controller.store;

import com.zaxxer.hikari.HikariDataSource;
import io.pdmgitops.controller.conditions.Conditions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * A process that journals actions on the controller's H2 store and says each id the moment the
 * store returns it, so a test can kill it (SIGKILL) right after an acknowledged write.
 */
public final class JournalWriter {
  private JournalWriter() {}

  public static void main(String[] args) {
    // Pooled, as in the controller: H2 keeps the database open and its write delay applies.
    HikariDataSource h2 = new HikariDataSource();
    h2.setJdbcUrl(DurableJournalIT.url(Path.of(args[0])));
    h2.setUsername("sa");
    JdbcStatusStore store = new JdbcStatusStore(h2, new Conditions(Clock.systemUTC()));
    for (int i = 0; ; i++) {
      long id = store.journal(StatusStoreContract.shutdown(100 + i), "c0ffee", Instant.now());
      System.out.println("journaled " + id);
      System.out.flush();
    }
  }
}
