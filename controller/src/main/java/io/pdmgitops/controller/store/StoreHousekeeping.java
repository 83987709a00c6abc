package io.pdmgitops.controller.store;

import io.pdmgitops.controller.threads.DaemonThreads;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies the retention at start and then on its interval, so the database stays bounded. */
public final class StoreHousekeeping implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StoreHousekeeping.class);

  private final JdbcStatusStore statusStore;
  private final JdbcResourceStore resourceStore;
  private final JdbcAuditLog auditLog;
  private final RetentionSettings retention;
  private final Clock clock;
  private final ScheduledExecutorService thread = DaemonThreads.scheduler("store-housekeeping");

  public StoreHousekeeping(
      JdbcStatusStore statusStore,
      JdbcResourceStore resourceStore,
      JdbcAuditLog auditLog,
      RetentionSettings retention,
      Clock clock) {
    this.statusStore = statusStore;
    this.resourceStore = resourceStore;
    this.auditLog = auditLog;
    this.retention = retention;
    this.clock = clock;
  }

  public void start() {
    long every = retention.interval().toMillis();
    thread.scheduleWithFixedDelay(this::prune, 0, every, TimeUnit.MILLISECONDS);
  }

  /** One pass; public for tests and for operators who lowered the limits. */
  public int prune() {
    try {
      int removed =
          statusStore.prune(retention.commits(), retention.maxAge(), clock.instant())
              + resourceStore.pruneEvents(retention.events(), retention.maxAge(), clock.instant())
              + auditLog.prune(retention.events(), retention.maxAge(), clock.instant());
      if (removed > 0) {
        LOG.info("retention removed {} old rows", removed);
      }
      return removed;
    } catch (RuntimeException e) {
      LOG.warn("retention pass failed, will try again: {}", e.getMessage());
      return 0;
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
