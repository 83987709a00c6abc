package io.pdmgitops.controller.ports;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.webui.RequestDeadline;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The bounds of what pages wait for stay inside the bound of the page itself. */
class WebBoundsTest {
  @Test
  void theRequestDeadlineLeavesATaskCollectionTimeToFinishAndRender() {
    assertThat(RequestDeadline.DEFAULT)
        .isGreaterThanOrEqualTo(TaskCollector.COLLECTION_TIMEOUT.plus(Duration.ofSeconds(5)));
    assertThat(RequestDeadline.DEFAULT).isGreaterThan(TaskCollector.READ_TIMEOUT);
  }
}
