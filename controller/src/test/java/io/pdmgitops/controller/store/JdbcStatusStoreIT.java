package io.pdmgitops.controller.store;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;

/** The status store on a real H2 file database, the default. */
class JdbcStatusStoreIT extends StatusStoreContract {
  @TempDir Path dataDir;

  /** Which database file {@link #reopen} opens: the last empty one. */
  private int opened;

  @Override
  DataSource emptyDatabase() {
    opened++;
    return reopen();
  }

  @Override
  DataSource reopen() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + dataDir.resolve("status-" + opened) + ";DB_CLOSE_ON_EXIT=FALSE");
    return h2;
  }
}
