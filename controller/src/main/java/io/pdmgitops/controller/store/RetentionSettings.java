package io.pdmgitops.controller.store;

import java.time.Duration;

/**
 * How much history the store keeps: a commit, a finished action or an event goes when it is older
 * than {@code maxAge} or beyond the newest {@code commits} / {@code events}.
 */
public record RetentionSettings(int commits, int events, Duration maxAge, Duration interval) {
  public static final int DEFAULT_COMMITS = 1_000;
  public static final int DEFAULT_EVENTS = 100_000;
  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(90);
  public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);

  public RetentionSettings {
    if (commits < 1 || events < 1 || maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException(
          "retention keeps at least one commit and one event, for a positive age");
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the retention interval must be positive");
    }
  }

  public static RetentionSettings defaults() {
    return new RetentionSettings(
        DEFAULT_COMMITS, DEFAULT_EVENTS, DEFAULT_MAX_AGE, DEFAULT_INTERVAL);
  }
}
