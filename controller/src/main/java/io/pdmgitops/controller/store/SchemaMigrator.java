package io.pdmgitops.controller.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/** Brings a database to the changelog's schema; running it again changes nothing. */
public final class SchemaMigrator {
  public static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

  static {
    // Liquibase 4.30+ may report usage; a datacenter controller must not phone home.
    if (System.getProperty("liquibase.analytics.enabled") == null) {
      System.setProperty("liquibase.analytics.enabled", "false");
    }
    for (String key :
        new String[] {"liquibase.showSummaryOutput", "liquibase.command.showSummaryOutput"}) {
      if (System.getProperty(key) == null) {
        System.setProperty(key, "LOG");
      }
    }
  }

  private SchemaMigrator() {}

  public static void migrate(DataSource dataSource) {
    migrate(dataSource, Integer.MAX_VALUE);
  }

  /** Applies at most this many change sets: a database as an older release left it, for tests. */
  static void migrate(DataSource dataSource, int changeSets) {
    try (Connection connection = dataSource.getConnection()) {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      try (Liquibase liquibase =
          new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database)) {
        // Liquibase's progress goes to the log, not to the operator's terminal.
        Scope.child(
            Map.of(Scope.Attr.ui.name(), new LoggerUIService()),
            () -> {
              if (changeSets == Integer.MAX_VALUE) {
                liquibase.update(new Contexts(), new LabelExpression());
              } else {
                liquibase.update(changeSets, new Contexts(), new LabelExpression());
              }
            });
      }
    } catch (SQLException | LiquibaseException e) {
      throw new IllegalStateException("cannot migrate the status store: " + e.getMessage(), e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot migrate the status store", e);
    }
  }
}
