package io.pdmgitops.controller.store;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The same contract on PostgreSQL, with the same changelog. Runs where PDM_TEST_POSTGRES_URL names
 * a database (CI: .ci/run installs and starts Debian's PostgreSQL and sets it); the Maven profile
 * {@code postgres} includes this class only then.
 */
class PostgresStatusStoreIT extends StatusStoreContract {
  @Override
  DataSource emptyDatabase() throws Exception {
    DataSource postgres = reopen();
    try (Connection c = postgres.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS public CASCADE");
      s.execute("CREATE SCHEMA public");
    }
    return postgres;
  }

  @Override
  DataSource reopen() {
    String url = System.getenv("PDM_TEST_POSTGRES_URL");
    if (url == null) {
      throw new IllegalStateException(
          "set PDM_TEST_POSTGRES_URL, e.g. jdbc:postgresql://localhost/pdmgitops");
    }
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setURL(url);
    postgres.setUser(System.getenv().getOrDefault("PDM_TEST_POSTGRES_USER", "pdmgitops"));
    postgres.setPassword(System.getenv().getOrDefault("PDM_TEST_POSTGRES_PASSWORD", "pdmgitops"));
    return postgres;
  }
}
