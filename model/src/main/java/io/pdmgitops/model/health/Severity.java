package io.pdmgitops.model.health;

import java.util.Locale;

/** How urgent a finding is, most urgent first. */
public enum Severity {
  /** Support or safety is gone now: an expired or invalid subscription, a backup missing. */
  CRITICAL,
  /** Not as it should be on a production fleet. */
  WARNING,
  /** Worth knowing: a renewal coming up. */
  INFO;

  /** As shown and filtered by: {@code critical}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
