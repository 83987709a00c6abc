package io.pdmgitops.controller.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {
  private static final RetryPolicy NO_JITTER =
      new RetryPolicy(5, Duration.ofSeconds(2), 1.5, Duration.ofMinutes(2), 0);

  @ParameterizedTest(name = "after {0} failures: {1} ms")
  @CsvSource({"1, 2000", "2, 3000", "3, 4500", "4, 6750"})
  void delaysGrowByTheMultiplier(int failures, long millis) {
    assertThat(NO_JITTER.nextDelay(failures, () -> 0.5)).contains(Duration.ofMillis(millis));
  }

  @Test
  void noDelayIfMaxAttemptsReached() {
    assertThat(NO_JITTER.nextDelay(5, () -> 0.5)).isEqualTo(Optional.empty());
    assertThat(RetryPolicy.none().nextDelay(1, () -> 0.5)).isEmpty();
  }

  @Test
  void delaysAreCappedAtTheMaximum() {
    RetryPolicy many = new RetryPolicy(50, Duration.ofSeconds(2), 2, Duration.ofSeconds(30), 0);

    assertThat(many.nextDelay(20, () -> 0.5)).contains(Duration.ofSeconds(30));
  }

  @Test
  void jitterStaysWithinItsShare() {
    RetryPolicy jittery = RetryPolicy.defaults();

    assertThat(jittery.nextDelay(1, () -> 0.0)).contains(Duration.ofMillis(1600));
    assertThat(jittery.nextDelay(1, () -> 0.999999))
        .hasValueSatisfying(d -> assertThat(d.toMillis()).isBetween(2399L, 2400L));
  }
}
