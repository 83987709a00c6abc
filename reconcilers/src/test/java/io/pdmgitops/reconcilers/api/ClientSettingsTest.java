package io.pdmgitops.reconcilers.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {
  @Test
  void aZeroTimeoutIsRefusedBecauseNettyWouldReadItAsNone() {
    assertThatThrownBy(() -> ClientSettings.defaults().withResponseTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new ClientSettings(
                    Duration.ZERO,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    1024,
                    Duration.ofSeconds(60)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClientSettings.defaults().withConnectionLifetime(Duration.ZERO))
        .as("a connection that lives for ever would never see a rotated certificate")
        .isInstanceOf(IllegalArgumentException.class);
  }
}
