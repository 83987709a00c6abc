package io.pdmgitops.reconcilers.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RemoteBackOffTest {
  static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

  @Test
  void waitsTenSecondsDoublingToThreeMinutes() {
    RemoteBackOff state = RemoteBackOff.healthy();
    long[] expected = {10, 20, 40, 80, 160, 180, 180};

    for (long seconds : expected) {
      state = state.failed(T0);
      assertThat(Duration.between(T0, state.nextAllowed())).hasSeconds(seconds);
    }
  }

  @Test
  void aSuccessResetsTheBackOff() {
    RemoteBackOff state = RemoteBackOff.healthy().failed(T0).failed(T0);

    assertThat(state.mayPoll(T0.plusSeconds(5))).isFalse();
    assertThat(state.mayPoll(T0.plusSeconds(20))).isTrue();
    assertThat(state.succeeded().failures()).isZero();
    assertThat(state.succeeded().mayPoll(T0)).isTrue();
  }
}
