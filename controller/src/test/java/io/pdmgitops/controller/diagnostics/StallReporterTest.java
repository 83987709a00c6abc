package io.pdmgitops.controller.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A run past its bound is reported once, with where its thread is. */
class StallReporterTest {
  @Test
  void aStuckRunIsLoggedWithItsStack() throws Exception {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    ((Logger) LoggerFactory.getLogger(StallReporter.class)).addAppender(log);
    CountDownLatch release = new CountDownLatch(1);
    try (StallReporter stalls = new StallReporter("a test fetch", Duration.ofMillis(200))) {
      Thread worker =
          new Thread(
              () -> {
                stalls.started();
                try {
                  release.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  stalls.finished();
                }
              },
              "stuck-worker");
      worker.start();

      await().atMost(Duration.ofSeconds(10)).until(() -> !log.list.isEmpty());
      Thread.sleep(2_500); // more checks pass: still reported once
      release.countDown();
      worker.join();
    }

    assertThat(log.list).hasSize(1);
    assertThat(log.list.get(0).getFormattedMessage())
        .startsWith("a test fetch has run for")
        .contains("thread stuck-worker is at:")
        .contains("CountDownLatch.await");
  }
}
