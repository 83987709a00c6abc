package io.pdmgitops.controller.shell;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ShellLimitsTest {
  @Test
  void limitsThatAllowNoShellNameTheirProperties() {
    assertThatThrownBy(() -> new ShellLimits(0, 10, Duration.ofMinutes(15), Duration.ofHours(8)))
        .hasMessageContaining("pdm.shell.per-user");
    assertThatThrownBy(() -> new ShellLimits(2, 10, Duration.ZERO, Duration.ofHours(8)))
        .hasMessageContaining("pdm.shell.idle")
        .hasMessageContaining("15m");
    assertThatThrownBy(() -> new ShellLimits(2, 10, Duration.ofMinutes(15), Duration.ofHours(-1)))
        .hasMessageContaining("pdm.shell.max-length");
  }
}
