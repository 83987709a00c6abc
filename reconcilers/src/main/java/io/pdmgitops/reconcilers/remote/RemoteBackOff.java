package io.pdmgitops.reconcilers.remote;

import java.time.Duration;
import java.time.Instant;

/**
 * PDM's back-off for a remote that does not answer: 10 s after the first failure, doubling up to 3
 * minutes, reset by the first success. Time comes in as an argument.
 *
 * @param failures consecutive failed polls
 * @param nextAllowed no poll before this instant
 */
public record RemoteBackOff(int failures, Instant nextAllowed) {
  /** The first wait. */
  public static final Duration BASE = Duration.ofSeconds(10);

  /** The longest wait. */
  public static final Duration CAP = Duration.ofMinutes(3);

  public static RemoteBackOff healthy() {
    return new RemoteBackOff(0, Instant.EPOCH);
  }

  /** After a failed poll at {@code now}. */
  public RemoteBackOff failed(Instant now) {
    int count = failures + 1;
    long seconds = BASE.getSeconds() << Math.min(count - 1, 16);
    Duration wait = Duration.ofSeconds(Math.min(seconds, CAP.getSeconds()));
    return new RemoteBackOff(count, now.plus(wait));
  }

  public RemoteBackOff succeeded() {
    return healthy();
  }

  public boolean mayPoll(Instant now) {
    return !now.isBefore(nextAllowed);
  }
}
