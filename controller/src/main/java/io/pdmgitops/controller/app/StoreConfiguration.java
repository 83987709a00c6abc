package io.pdmgitops.controller.app;

import io.pdmgitops.controller.conditions.Conditions;
import io.pdmgitops.controller.store.JdbcAuditLog;
import io.pdmgitops.controller.store.JdbcResourceStore;
import io.pdmgitops.controller.store.JdbcSecondFactors;
import io.pdmgitops.controller.store.JdbcStatusStore;
import io.pdmgitops.controller.store.JdbcTokenStore;
import io.pdmgitops.controller.store.SchemaMigrator;
import io.pdmgitops.controller.store.StatusRecorder;
import io.pdmgitops.controller.store.StoreActionJournal;
import io.pdmgitops.controller.store.StoreHousekeeping;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The status store on the configured data source (H2 by default), migrated at start. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {
  @Bean
  Conditions conditions(Clock clock) {
    return new Conditions(clock);
  }

  @Bean
  JdbcStatusStore statusStore(DataSource dataSource, Conditions conditions) {
    SchemaMigrator.migrate(dataSource);
    return new JdbcStatusStore(dataSource, conditions);
  }

  @Bean
  StoreActionJournal actionJournal(JdbcStatusStore store, Clock clock) {
    return new StoreActionJournal(store, clock);
  }

  @Bean
  JdbcResourceStore resourceStore(
      JdbcStatusStore migrated, DataSource dataSource, Conditions conditions) {
    // after the status store: the schema is migrated
    return new JdbcResourceStore(dataSource, conditions);
  }

  @Bean
  JdbcAuditLog auditLog(JdbcStatusStore migrated, DataSource dataSource, Conditions conditions) {
    // after the status store: the schema is migrated
    return new JdbcAuditLog(dataSource, conditions);
  }

  @Bean
  JdbcTokenStore tokenStore(
      JdbcStatusStore migrated, DataSource dataSource, Conditions conditions) {
    // after the status store: the schema is migrated
    return new JdbcTokenStore(dataSource, conditions);
  }

  @Bean
  JdbcSecondFactors secondFactorStore(
      JdbcStatusStore migrated, DataSource dataSource, Conditions conditions) {
    // after the status store: the schema is migrated
    return new JdbcSecondFactors(dataSource, conditions);
  }

  @Bean
  StatusRecorder statusRecorder(JdbcResourceStore store, Clock clock) {
    return new StatusRecorder(store, clock);
  }

  @Bean(initMethod = "start", destroyMethod = "close")
  StoreHousekeeping storeHousekeeping(
      JdbcStatusStore statusStore,
      JdbcResourceStore resourceStore,
      JdbcAuditLog auditLog,
      ControllerProperties properties,
      Clock clock) {
    return new StoreHousekeeping(
        statusStore, resourceStore, auditLog, properties.retention().settings(), clock);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
