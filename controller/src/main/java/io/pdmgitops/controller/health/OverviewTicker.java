package io.pdmgitops.controller.health;

import io.pdmgitops.controller.threads.DaemonThreads;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ticks every overview on one daemon thread, every {@link OverviewReads#TICK}. */
public final class OverviewTicker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OverviewTicker.class);

  private final ScheduledExecutorService scheduler = DaemonThreads.scheduler("pdm-health");

  public OverviewTicker(List<? extends OverviewReads<?>> overviews) {
    long tick = OverviewReads.TICK.toMillis();
    scheduler.scheduleWithFixedDelay(
        () -> {
          for (OverviewReads<?> overview : overviews) {
            try {
              overview.tick();
            } catch (RuntimeException e) {
              LOG.warn("health overview {} failed to tick: {}", overview.name(), e.toString());
            }
          }
        },
        tick,
        tick,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
