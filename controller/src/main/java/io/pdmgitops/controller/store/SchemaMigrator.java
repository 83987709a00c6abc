package io.pdmgitops.controller.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/** Brings a database to the changelog's schema; running it again changes nothing. */
public final class SchemaMigrator {
  public static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

  static {
    // Liquibase 4.30+ may report usage; a datacenter controller must not phone home.
    if (System.getProperty("liquibase.analytics.enabled") == null) {
      System.setProperty("liquibase.analytics.enabled", "false");
    }
  }

  private SchemaMigrator() {}

  public static void migrate(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      try (Liquibase liquibase =
          new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database)) {
        liquibase.update(new Contexts(), new LabelExpression());
      }
    } catch (SQLException | LiquibaseException e) {
      throw new IllegalStateException("cannot migrate the status store: " + e.getMessage(), e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot migrate the status store", e);
    }
  }
}
