package io.pdmgitops.controller.retry;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * How often and how long apart a failed reconcile is retried: exponential back-off with jitter.
 * Pure: the attempt number and a random source in, an optional delay out (empty = give up).
 *
 * @param maxAttempts attempts in all, the first included
 * @param jitter share of the delay added or removed at random (0.1 = plus or minus 10 %)
 */
public record RetryPolicy(
    int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay, double jitter) {

  /** 5 attempts, as the Java Operator SDK's default. */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;

  /** 2 s before the first retry. */
  public static final Duration DEFAULT_INITIAL_DELAY = Duration.ofSeconds(2);

  /** Each delay 1.5 times the one before. */
  public static final double DEFAULT_MULTIPLIER = 1.5;

  /** Never more than 2 minutes apart. */
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofMinutes(2);

  /** Plus or minus 20 %, so retries of many guests of one remote spread out. */
  public static final double DEFAULT_JITTER = 0.2;

  public RetryPolicy {
    if (maxAttempts < 1
        || initialDelay.isNegative()
        || multiplier < 1
        || maxDelay.compareTo(initialDelay) < 0
        || jitter < 0
        || jitter >= 1) {
      throw new IllegalArgumentException("invalid retry policy");
    }
  }

  public static RetryPolicy defaults() {
    return new RetryPolicy(
        DEFAULT_MAX_ATTEMPTS,
        DEFAULT_INITIAL_DELAY,
        DEFAULT_MULTIPLIER,
        DEFAULT_MAX_DELAY,
        DEFAULT_JITTER);
  }

  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, 1, Duration.ZERO, 0);
  }

  /**
   * The delay before the next attempt after {@code failedAttempts} failures, or empty when the
   * attempts are used up.
   *
   * @param random uniform in [0, 1), e.g. {@code ThreadLocalRandom.current()::nextDouble}
   */
  public Optional<Duration> nextDelay(int failedAttempts, DoubleSupplier random) {
    if (failedAttempts < 1 || failedAttempts >= maxAttempts) {
      return Optional.empty();
    }
    double base = initialDelay.toMillis() * Math.pow(multiplier, failedAttempts - 1.0);
    double capped = Math.min(base, maxDelay.toMillis());
    double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
    return Optional.of(Duration.ofMillis(Math.round(capped * factor)));
  }
}
