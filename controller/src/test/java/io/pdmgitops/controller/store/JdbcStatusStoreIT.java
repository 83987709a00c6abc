package io.pdmgitops.controller.store;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;

/** The status store on a real H2 file database, the default. */
class JdbcStatusStoreIT extends StatusStoreContract {
  @TempDir Path dataDir;

  @Override
  DataSource emptyDatabase() {
    return reopen();
  }

  @Override
  DataSource reopen() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + dataDir.resolve("status") + ";DB_CLOSE_ON_EXIT=FALSE");
    return h2;
  }
}
