package io.pdmgitops.reconcilers.pve;

/** The {@code timeframe} of an rrddata call. */
public enum Timeframe {
  /** 60 points a minute apart. */
  HOUR,
  /** Half-hour points. */
  DAY,
  /** Three-hour points. */
  WEEK,
  /** Twelve-hour points. */
  MONTH,
  /** Weekly points. */
  YEAR;

  String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
