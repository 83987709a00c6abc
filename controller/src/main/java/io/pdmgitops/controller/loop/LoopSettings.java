package io.pdmgitops.controller.loop;

import io.pdmgitops.controller.retry.RetryPolicy;
import io.pdmgitops.model.desired.DriftPolicy;
import java.time.Duration;

/**
 * How the loop behaves.
 *
 * @param pollInterval time between inventory polls (PDM polls every 30 s on demand)
 * @param defaultPolicy the policy of guests that declare none
 * @param actionsPerRemote actions running at once on one remote
 * @param cycleTimeout bound of one poll of the whole fleet
 * @param failureBackOff how a transiently failed action is retried across cycles
 * @param reportWait how long a cycle waits for its polls before it publishes the report with what
 *     has arrived: a remote that hangs is reported late, not everyone with it
 */
public record LoopSettings(
    Duration pollInterval,
    DriftPolicy defaultPolicy,
    int actionsPerRemote,
    Duration cycleTimeout,
    RetryPolicy failureBackOff,
    Duration reportWait) {

  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(30);
  public static final int DEFAULT_ACTIONS_PER_REMOTE = 4;
  public static final Duration DEFAULT_CYCLE_TIMEOUT = Duration.ofMinutes(2);

  /** A healthy remote answers in well under a second; 5 s covers a slow one without a hang. */
  public static final Duration DEFAULT_REPORT_WAIT = Duration.ofSeconds(5);

  public LoopSettings {
    if (pollInterval.isNegative() || pollInterval.isZero() || actionsPerRemote < 1) {
      throw new IllegalArgumentException("invalid loop settings");
    }
  }

  public static LoopSettings defaults() {
    return new LoopSettings(
        DEFAULT_POLL_INTERVAL,
        DriftPolicy.ENFORCE,
        DEFAULT_ACTIONS_PER_REMOTE,
        DEFAULT_CYCLE_TIMEOUT,
        ActionFailures.BACK_OFF,
        DEFAULT_REPORT_WAIT);
  }

  public LoopSettings withPollInterval(Duration interval) {
    return new LoopSettings(
        interval, defaultPolicy, actionsPerRemote, cycleTimeout, failureBackOff, reportWait);
  }

  public LoopSettings withFailureBackOff(RetryPolicy backOff) {
    return new LoopSettings(
        pollInterval, defaultPolicy, actionsPerRemote, cycleTimeout, backOff, reportWait);
  }
}
