package io.pdmgitops.controller.app;

import io.pdmgitops.controller.store.JdbcStatusStore;
import io.pdmgitops.controller.store.SchemaMigrator;
import io.pdmgitops.controller.store.StoreActionJournal;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The status store on the configured data source (H2 by default), migrated at start. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {
  @Bean
  JdbcStatusStore statusStore(DataSource dataSource) {
    SchemaMigrator.migrate(dataSource);
    return new JdbcStatusStore(dataSource);
  }

  @Bean
  StoreActionJournal actionJournal(JdbcStatusStore store, Clock clock) {
    return new StoreActionJournal(store, clock);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
